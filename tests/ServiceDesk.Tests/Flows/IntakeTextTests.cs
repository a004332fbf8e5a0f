using ServiceDesk.Bot.Flows.Intake;

namespace ServiceDesk.Tests.Flows;

public class IntakeTextTests
{
    [Fact]
    public void What_is_typed_next_is_a_new_line_of_the_description() =>
        Assert.Equal("my laptop does not boot\nit shows a black screen",
            Summaries.Combine("my laptop does not boot", "  it shows a black screen "));

    [Fact]
    public void Words_said_again_add_nothing()
    {
        var earlier = "my laptop does not boot\nit shows a black screen";
        Assert.Same(earlier, Summaries.Combine(earlier, "It shows a black screen"));
        Assert.Same(earlier, Summaries.Combine(earlier, "my laptop does not boot"));
        // Part of a line is not the line: it may be the point the person is making.
        Assert.Equal(earlier + "\nblack screen", Summaries.Combine(earlier, "black screen"));
    }

    [Fact]
    public void The_description_stops_where_the_forms_box_does()
    {
        var text = "";
        for (var i = 0; i < 300; i++) text = Summaries.Combine(text, $"line {i} of a very long story about the printer");
        Assert.InRange(text.Length, Summaries.MaxDescription / 2, Summaries.MaxDescription);
        Assert.StartsWith("line 0 of", text);
        // Once full, further words do not get in, and what was there stays whole.
        var full = text + "\n" + new string('y', Summaries.MaxDescription - text.Length - 1);
        Assert.Equal(Summaries.MaxDescription, full.Length);
        Assert.Same(full, Summaries.Combine(full, "one more thing"));
        Assert.Equal(Summaries.MaxDescription, Summaries.Combine(null, new string('x', 5000)).Length);
    }
}
