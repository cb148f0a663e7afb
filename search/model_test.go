package search

import (
	"strings"
	"testing"
)

func TestDefaultModelParses(t *testing.T) {
	m := DefaultModel()
	var sum float64
	for _, w := range m.w {
		sum += w
	}
	if sum <= 0 {
		t.Fatalf("shipped model has no weight: %+v", m.Weights)
	}
}

func TestParseModelRejects(t *testing.T) {
	tests := []struct{ json, want string }{
		{`{"version": 99, "weights": {"bm25f_stem": 1}}`, "version 99"},
		{`{"version": 1, "weights": {"no_such": 1}}`, `unknown feature "no_such"`},
		{`{"version": 1, "weights": {"bm25f_stem": -1}}`, "must be finite and ≥ 0"},
		{`{"version": 1, "weights": {}}`, "every weight is zero"},
		{`{"version": 1, `, "ranker model"},
	}
	for _, tt := range tests {
		_, err := ParseModel([]byte(tt.json))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseModel(%s) = %v, want an error with %q", tt.json, err, tt.want)
		}
	}
}

func TestModelRoundTrip(t *testing.T) {
	w := make([]float64, numFeatures)
	w[ftTitleBM25], w[ftCoverage] = 0.75, 0.25
	m, err := NewModel(w, "test")
	if err != nil {
		t.Fatal(err)
	}
	data, err := m.MarshalIndent()
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseModel(data)
	if err != nil {
		t.Fatal(err)
	}
	var f [numFeatures]float64
	f[ftTitleBM25], f[ftCoverage], f[ftBodyBM25] = 2, 4, 100
	if got := back.score(&f); got != 2.5 {
		t.Errorf("score = %v, want 0.75·2 + 0.25·4 = 2.5 (body has no weight)", got)
	}
}
