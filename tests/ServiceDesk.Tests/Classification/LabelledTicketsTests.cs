using ServiceDesk.Bot.Catalog;

namespace ServiceDesk.Tests.Classification;

public class LabelledTicketsTests
{
    [Fact]
    public void The_set_covers_every_category_in_both_languages_with_a_stratified_split()
    {
        var all = LabelledTickets.All;
        Assert.True(all.Count >= 240, $"{all.Count} tickets");
        Assert.Equal(all.Count, all.Select(t => t.Text).Distinct().Count());
        Assert.Equal(["en", "es"], all.Select(t => t.Language).Distinct().Order());
        Assert.InRange(all.Count(t => t.Language == "es") / (double)all.Count, 0.45, 0.55);
        Assert.Equal(FirstStartCatalog.Categories().Select(c => c.Key).Order(), all.Select(t => t.Category).Distinct().Order());

        foreach (var category in all.GroupBy(t => t.Category))
        {
            var testShare = category.Count(t => t.IsTest) / (double)category.Count();
            Assert.InRange(testShare, 0.25, 0.35);
            Assert.All(category.GroupBy(t => t.Language), l => Assert.Contains(l, t => t.IsTest));
        }
    }
}
