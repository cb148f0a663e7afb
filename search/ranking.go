package search

// Ranking holds the parameters inside the ranker's features (BM25F and the
// first stage); how the features combine is the learned Model. One
// configuration serves every language and every kind of content;
// DefaultRanking was chosen on the general behaviour of the shared
// evaluation sets (`make eval`), never on individual queries.
type Ranking struct {
	K1     float64                // BM25 term-frequency saturation
	Weight [numRankFields]float64 // BM25F field weights: title, questions, tags, headings, body, code
	B      [numRankFields]float64 // BM25F length normalisation per field
	// Synonym scales the term frequency of a writer-defined synonym.
	Synonym float64
	// Part scales the term frequency of a word found as a part of a dotted
	// or snake_case name ("json" in package.json, "файлу" in
	// шлях_до_файлу): evidence, but weaker than the word written on its own.
	// It scales the stem match only; the exact-form and prefix bonuses count
	// a part fully (scaling them too measured tldr uk 0.8110 against 0.8236).
	Part float64
	// MaxTerms bounds the terms kept from long texts (the rarest are kept).
	MaxTerms int
	// Candidates is how many first-stage candidates the ranker scores.
	Candidates int
}

// DefaultRanking returns the ranking spravka ships with.
func DefaultRanking() Ranking {
	return Ranking{
		K1:         1.5,
		Weight:     [numRankFields]float64{4, 3, 2, 1.5, 1, 0.5},
		B:          [numRankFields]float64{0.5, 0.5, 0.3, 0.5, 0.75, 0.75},
		Synonym:    0.8,
		Part:       0.5,
		MaxTerms:   16,
		Candidates: 200,
	}
}
