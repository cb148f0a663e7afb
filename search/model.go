package search

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
)

// Model is the ranker's learned combination of features: a candidate's
// score is the weighted sum of its features. The weights are learned by
// `make train` from the shared evaluation sets (eval/train.go) and kept in
// ranker.json beside this file; `make eval-cv` shows how the same
// training does on each set it did not see.
type Model struct {
	// Version changes whenever the features or their meaning change, so a
	// model file written for other features is refused.
	Version int `json:"version"`
	// Weights maps a feature name (FeatureNames) to its weight; a feature
	// without a weight counts zero.
	Weights map[string]float64 `json:"weights"`
	// Trained says how the weights were chosen, for people reading the file.
	Trained string `json:"trained,omitempty"`

	w [numFeatures]float64
}

// ModelVersion is the version of the feature set this build computes.
const ModelVersion = 1

//go:embed ranker.json
var defaultModelJSON []byte

// DefaultModel returns the model spravka ships with.
func DefaultModel() *Model {
	m, err := ParseModel(defaultModelJSON)
	if err != nil {
		// The file is part of the build and checked by TestDefaultModel.
		panic(fmt.Sprintf("search: shipped ranker.json: %v", err))
	}
	return m
}

// ParseModel reads and validates a model file.
func ParseModel(data []byte) (*Model, error) {
	var m Model
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("ranker model: %w", err)
	}
	if err := m.compile(); err != nil {
		return nil, err
	}
	return &m, nil
}

// NewModel returns a model with the given weights in FeatureNames order.
func NewModel(weights []float64, trained string) (*Model, error) {
	if len(weights) != int(numFeatures) {
		return nil, fmt.Errorf("ranker model: %d weights for %d features", len(weights), numFeatures)
	}
	m := &Model{Version: ModelVersion, Weights: map[string]float64{}, Trained: trained}
	for i, w := range weights {
		if w != 0 {
			m.Weights[featureNames[i]] = w
		}
	}
	return m, m.compile()
}

func (m *Model) compile() error {
	if m.Version != ModelVersion {
		return fmt.Errorf("ranker model: version %d, this build computes features of version %d (run make train)", m.Version, ModelVersion)
	}
	index := map[string]int{}
	for i, n := range featureNames {
		index[n] = i
	}
	m.w = [numFeatures]float64{}
	nonzero := false
	for name, w := range m.Weights {
		i, ok := index[name]
		if !ok {
			return fmt.Errorf("ranker model: unknown feature %q", name)
		}
		if w < 0 || math.IsNaN(w) || math.IsInf(w, 0) {
			return fmt.Errorf("ranker model: weight of %s is %v; weights must be finite and ≥ 0", name, w)
		}
		m.w[i] = w
		nonzero = nonzero || w > 0
	}
	if !nonzero {
		return fmt.Errorf("ranker model: every weight is zero")
	}
	return nil
}

func (m *Model) score(f *[numFeatures]float64) float64 {
	var s float64
	for i, w := range m.w {
		s += w * f[i]
	}
	return s
}

// MarshalIndent writes the model file.
func (m *Model) MarshalIndent() ([]byte, error) {
	data, err := json.MarshalIndent(m, "", "  ")
	return append(data, '\n'), err
}
