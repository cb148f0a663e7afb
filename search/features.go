package search

// The ranker scores a candidate as a weighted sum of features (model.go);
// the weights are learned by `spravka train` (eval/train.go) under the
// leave-one-group-out protocol of `make eval-cv`. Every feature is
// evidence that can only help a document (≥ 0), so with non-negative
// weights a score is never negative and the confidence rule's relative
// margin keeps its meaning. BM25 features are divided by the query's total
// idf, so a feature means the same for a two-word query and a pasted
// message.

// feature indexes a candidate's feature vector.
type feature int

const (
	// BM25F over all fields with the hand-set field weights of Ranking:
	// the stem, exact-form, word-prefix and typo-corrected matches.
	ftBM25FStem feature = iota
	ftBM25FExact
	ftBM25FTrunc
	ftBM25FFuzzy
	ftProximity // query words next to each other in a field
	ftCoverage  // share of the query's idf the document matches
	// BM25 of each field on its own, with the field's own idf and length
	// statistics, as Lucene and Elasticsearch multi_match score fields.
	ftTitleBM25
	ftQuestionsBM25
	ftTagsBM25
	ftHeadingsBM25
	ftBodyBM25
	ftCodeBM25
	// ftTitleCoverage is the share of the title's distinct words the query
	// has: a question-shaped title that the query restates is the answer.
	ftTitleCoverage
	// ftQuestionsCoverage is the same for the article's listed questions.
	ftQuestionsCoverage
	// ftAllBM25 is plain BM25 over the whole article as one field.
	ftAllBM25
	numFeatures
)

// featureNames name the features in the model file.
var featureNames = [numFeatures]string{
	"bm25f_stem", "bm25f_exact", "bm25f_prefix", "bm25f_fuzzy", "proximity", "coverage",
	"title_bm25", "questions_bm25", "tags_bm25", "headings_bm25", "body_bm25", "code_bm25",
	"title_coverage", "questions_coverage", "all_bm25",
}

// FeatureNames returns the names of the ranker's features in vector order.
func FeatureNames() []string { return append([]string(nil), featureNames[:]...) }

// fieldFeature maps a rank field to its per-field BM25 feature.
var fieldFeature = [numRankFields]feature{
	rfTitle: ftTitleBM25, rfQuestions: ftQuestionsBM25, rfTags: ftTagsBM25,
	rfHeadings: ftHeadingsBM25, rfBody: ftBodyBM25, rfCode: ftCodeBM25,
}

// Per-field and whole-article BM25 use Lucene's defaults: they are the
// features the learned weights combine, not parameters tuned on any set.
const (
	fieldK1 = 1.2
	fieldB  = 0.75
)

// bm25 is one term's saturated, length-normalised term frequency.
func bm25(tf, length, avgLen float64) float64 {
	if tf == 0 {
		return 0
	}
	norm := fieldK1 * (1 - fieldB + fieldB*length/avgLen)
	return tf * (fieldK1 + 1) / (tf + norm)
}

// coverageOf returns the share of the distinct terms of a field (its bag)
// that the query matches (as stem or synonym).
func (s *scorer) coverageOf(bag termCounts) float64 {
	if len(bag.ids) == 0 {
		return 0
	}
	hit := 0
	for _, id := range bag.ids {
		if _, ok := s.stemS.get(id); ok {
			hit++
		} else if _, ok := s.altS.get(id); ok {
			hit++
		}
	}
	return float64(hit) / float64(len(bag.ids))
}
