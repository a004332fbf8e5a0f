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

    public ClassificationSuggestion Suggest(string text) => Suggest(Normalizer.Normalize(text));

    /// <param name="normalized">The text as <see cref="Normalizer"/> reads it (its kept words decide what counts).</param>
    public ClassificationSuggestion Suggest(NormalizedText normalized)
    {
        lock (_gate)
        {
            // Each distinct known stem once: its log-likelihood in every category, in catalog order.
            var known = new List<NormalizedToken>(normalized.Tokens.Count);
            var stemIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            var firstWords = new List<string>();
            var occurrences = new List<int>();
            var tokenStems = new List<int>(normalized.Tokens.Count);
            foreach (var token in normalized.Tokens)
            {
                if (!_vocabulary.Contains(token.Stem)) continue;
                known.Add(token);
                if (!stemIndex.TryGetValue(token.Stem, out var index))
                {
                    index = stemIndex.Count;
                    stemIndex.Add(token.Stem, index);
                    firstWords.Add(token.Word);
                    occurrences.Add(0);
                }
                occurrences[index]++;
                tokenStems.Add(index);
            }

            var stems = stemIndex.Keys.ToArray();
            var logLikelihoods = new double[_categories.Count][];
            var logScores = new double[_categories.Count];
            for (var c = 0; c < _categories.Count; c++)
            {
                var counts = _counts[_categories[c].Key];
                var denominator = Math.Log(counts.Total + Options.Smoothing * _vocabulary.Count);
                var row = logLikelihoods[c] = new double[stems.Length];
                for (var s = 0; s < stems.Length; s++) row[s] = Math.Log(counts.Of(stems[s]) + Options.Smoothing) - denominator;
                var score = 0.0;
                foreach (var s in tokenStems) score += row[s];
                logScores[c] = score;
            }
            var probabilities = Softmax(logScores);
            var average = new double[stems.Length];
            for (var s = 0; s < stems.Length; s++)
            {
                var sum = 0.0;
                for (var c = 0; c < _categories.Count; c++) sum += logLikelihoods[c][s];
                average[s] = sum / _categories.Count;
            }

            var ranked = _categories
                .Select((c, i) => new CategoryScore(c.Key, probabilities[i], c.ServiceKey, c.DefaultKind, Evidence(logLikelihoods[i], average, occurrences, firstWords)))
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

    /// <summary>
    /// Words more likely in this category than in the average one, by how much (summed over repeats):
    /// the part of the score each word contributed, which is what an agent needs to see.
    /// </summary>
    /// <param name="logLikelihoods">log P(stem | this category) with Laplace smoothing over the vocabulary, per distinct known stem.</param>
    /// <param name="average">The same stem's log-likelihood averaged over the categories.</param>
    private IReadOnlyList<string> Evidence(double[] logLikelihoods, double[] average, List<int> occurrences, List<string> firstWords)
    {
        var lifts = new List<(string Word, double Lift)>();
        for (var s = 0; s < logLikelihoods.Length; s++)
        {
            var lift = occurrences[s] * (logLikelihoods[s] - average[s]);
            if (lift > 0) lifts.Add((firstWords[s], lift));
        }
        return lifts
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
