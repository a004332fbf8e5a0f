using Xunit.Abstractions;

namespace ServiceDesk.Tests.Classification;

/// <summary>
/// The held-out figures of docs/benchmarks.md ("Classifier accuracy"). Print them with
/// dotnet test tests/ServiceDesk.Tests --filter "FullyQualifiedName~ClassifierAccuracyTests" --logger "console;verbosity=detailed"
/// </summary>
public class ClassifierAccuracyTests(ITestOutputHelper output)
{
    [Fact]
    public void Trained_on_the_train_split_it_stays_above_the_floor_on_the_held_out_split()
    {
        var trained = new ClassifierEvaluation(ClassifierEvaluation.Trained(), LabelledTickets.Test);
        output.WriteLine(trained.Report("catalog keywords + train split, on the test split"));

        // Floors, not the figures: a change that drops below them made the classifier worse.
        Assert.True(trained.Top1 >= 0.75, $"top-1 {trained.Top1:P1}");
        Assert.True(trained.Top3 >= 0.85, $"top-3 {trained.Top3:P1}");
        Assert.True(trained.Kind >= 0.80, $"kind {trained.Kind:P1}");
        Assert.True(trained.Top1WhenConfident >= 0.85, $"top-1 when confident {trained.Top1WhenConfident:P1}");
    }

    [Fact]
    public void Keywords_alone_already_beat_guessing()
    {
        var keywords = new ClassifierEvaluation(ClassifierEvaluation.KeywordsOnly(), LabelledTickets.Test);
        output.WriteLine(keywords.Report("catalog keywords only, on the test split"));

        Assert.True(keywords.Top1 >= 0.6, $"top-1 {keywords.Top1:P1}");
    }

    [Fact]
    public void What_learning_adds()
    {
        var keywords = ClassifierEvaluation.KeywordsOnly();
        var uncovered = LabelledTickets.Test.Where(t => keywords.Suggest(t.Text).KnownWords == 0).ToList();
        var before = new ClassifierEvaluation(keywords, uncovered);
        var after = new ClassifierEvaluation(ClassifierEvaluation.Trained(), uncovered);
        output.WriteLine($"test tickets with no catalog keyword: {uncovered.Count}; top-1 keywords only {before.Top1:P1}, trained {after.Top1:P1}");
        foreach (var share in new[] { 0.25, 0.5, 1.0 })
        {
            var partial = ClassifierEvaluation.Trained(share);
            output.WriteLine($"trained on {share:P0} of the train split: top-1 {new ClassifierEvaluation(partial, LabelledTickets.Test).Top1:P1}");
        }

        Assert.True(after.Top1 >= before.Top1);
    }
}
