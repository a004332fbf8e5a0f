using ServiceDesk.Domain.Catalog;

namespace ServiceDesk.Domain.Classification;

/// <summary>
/// Multinomial naive Bayes over the categories of the catalog. Each category starts from its keywords
/// in both languages (each one a small pseudo-ticket worth <see cref="ClassifierOptions.KeywordWeight"/>)
/// and learns from the desk: resolved tickets and, weighing more, agents' re-categorizations.
/// Priors are equal: how often a category came up says little about what this text is about, and
/// it would let a busy category swallow the rest. Safe to share: one lock guards learning and suggesting.
/// </summary>
public sealed class TicketClassifier
{
    private readonly object _gate = new();
    private readonly List<Category> _categories;
    private readonly Dictionary<string, WordCounts> _counts;
    private readonly HashSet<string> _vocabulary = new(StringComparer.Ordinal);
    private readonly List<LearnedExample> _examples = [];

    public TicketClassifier(IEnumerable<Category> categories, IEnumerable<LearnedExample>? examples = null, ClassifierOptions? options = null)
    {
        _categories = categories.ToList();
        if (_categories.Count == 0) throw new DomainException("classification.catalog", "The classifier needs at least one category.");
        Options = options ?? new ClassifierOptions();
        Normalizer = new TextNormalizer(_categories.SelectMany(c => c.KeywordsEs.Concat(c.KeywordsEn)));
        _counts = _categories.ToDictionary(c => c.Key, _ => new WordCounts(), StringComparer.Ordinal);
        foreach (var category in _categories)
        {
            foreach (var keyword in category.KeywordsEs.Concat(category.KeywordsEn))
                Count(category.Key, keyword, Options.KeywordWeight);
        }
        foreach (var example in examples ?? [])
        {
            _examples.Add(example);
            // An example of a category the catalog no longer has is kept for the record, not counted.
            if (_counts.ContainsKey(example.CategoryKey)) Count(example.CategoryKey, example.Text, example.Weight);
        }
    }

    public ClassifierOptions Options { get; }
    public TextNormalizer Normalizer { get; }

    /// <summary>What the desk taught, in order: the state to persist (<see cref="IClassifierExampleStore"/>).</summary>
    public IReadOnlyList<LearnedExample> Examples
    {
        get { lock (_gate) return _examples.ToList(); }
    }

    public LearnedExample Learn(string text, string categoryKey, double weight, DateTimeOffset at)
    {
        if (!(weight > 0)) throw new DomainException("classification.weight", $"An example needs a positive weight, not {weight}.");
        if (!_counts.ContainsKey(categoryKey)) throw new DomainException("classification.category", $"{categoryKey} is not a category of the catalog.");
        var example = new LearnedExample(text, categoryKey, weight, at);
        lock (_gate)
        {
            _examples.Add(example);
            Count(categoryKey, text, weight);
        }
        return example;
    }

    /// <summary>An agent moved a ticket to <paramref name="categoryKey"/>: the suggestion was wrong, learn hard.</summary>
    public LearnedExample LearnRecategorization(string text, string categoryKey, DateTimeOffset at) =>
        Learn(text, categoryKey, Options.RecategorizationWeight, at);

    public LearnedExample LearnResolved(string text, string categoryKey, DateTimeOffset at) =>
        Learn(text, categoryKey, Options.ResolvedTicketWeight, at);

    public ClassificationSuggestion Suggest(string text)
    {
        var normalized = Normalizer.Normalize(text);
        lock (_gate)
        {
            var known = normalized.Tokens.Where(t => _vocabulary.Contains(t.Stem)).ToList();
            var logLikelihoods = _categories.ToDictionary(c => c.Key, c => LogLikelihoods(c.Key, known), StringComparer.Ordinal);
            var logScores = _categories.Select(c => known.Sum(t => logLikelihoods[c.Key][t.Stem])).ToArray();
            var probabilities = Softmax(logScores);

            var ranked = _categories
                .Select((c, i) => new CategoryScore(c.Key, probabilities[i], c.ServiceKey, c.DefaultKind, Evidence(c.Key, known, logLikelihoods)))
                .OrderByDescending(s => s.Probability)
                .ToList(); // stable: equal probabilities keep catalog order
            var top = _categories.First(c => c.Key == ranked[0].CategoryKey);
            var confident = known.Count > 0 && ranked[0].Probability >= Options.MinimumConfidence
                && (ranked.Count == 1 || ranked[0].Probability >= Options.MinimumLead * ranked[1].Probability);
            var kind = KindCues.Decide(normalized, top.DefaultKind, top.Key, confident);
            return new ClassificationSuggestion(ranked, kind, normalized.Language, confident, known.Count);
        }
    }

    private void Count(string categoryKey, string text, double weight)
    {
        var counts = _counts[categoryKey];
        var tokens = Normalizer.Normalize(text).Tokens;
        foreach (var token in tokens)
        {
            // A ticket's words share its weight: a chatty ticket must not outvote a terse one.
            counts.Add(token.Stem, weight / tokens.Count);
            _vocabulary.Add(token.Stem);
        }
    }

    /// <summary>log P(stem | category) for each distinct known stem, with Laplace smoothing over the vocabulary.</summary>
    private Dictionary<string, double> LogLikelihoods(string categoryKey, IEnumerable<NormalizedToken> known)
    {
        var counts = _counts[categoryKey];
        var denominator = Math.Log(counts.Total + Options.Smoothing * _vocabulary.Count);
        return known.Select(t => t.Stem).Distinct()
            .ToDictionary(s => s, s => Math.Log(counts.Of(s) + Options.Smoothing) - denominator, StringComparer.Ordinal);
    }

    /// <summary>
    /// Words more likely in this category than in the average one, by how much (summed over repeats):
    /// the part of the score each word contributed, which is what an agent needs to see.
    /// </summary>
    private IReadOnlyList<string> Evidence(string categoryKey, List<NormalizedToken> known, Dictionary<string, Dictionary<string, double>> logLikelihoods)
    {
        return known
            .GroupBy(t => t.Stem)
            .Select(g => (Word: g.First().Word, Lift: g.Count() * (logLikelihoods[categoryKey][g.Key] - logLikelihoods.Values.Average(l => l[g.Key]))))
            .Where(e => e.Lift > 0)
            .OrderByDescending(e => e.Lift)
            .Take(Options.EvidenceWords)
            .Select(e => e.Word)
            .ToList();
    }

    private static double[] Softmax(double[] logScores)
    {
        var max = logScores.Max();
        var exp = logScores.Select(s => Math.Exp(s - max)).ToArray();
        var sum = exp.Sum();
        return exp.Select(e => e / sum).ToArray();
    }

    private sealed class WordCounts
    {
        private readonly Dictionary<string, double> _byStem = new(StringComparer.Ordinal);

        public double Total { get; private set; }

        public double Of(string stem) => _byStem.GetValueOrDefault(stem);

        public void Add(string stem, double weight)
        {
            _byStem[stem] = Of(stem) + weight;
            Total += weight;
        }
    }
}
