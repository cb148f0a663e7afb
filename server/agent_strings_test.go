package server

import (
	"slices"
	"testing"

	"github.com/spravka/spravka"
)

// TestAgentStringsComplete: every language has every string of the agent
// page, so that no button shows up empty in one of them.
func TestAgentStringsComplete(t *testing.T) {
	want := sortedKeys(agentStrings["en"])
	for _, lang := range spravka.Languages {
		strs, ok := agentStrings[lang]
		if !ok {
			t.Errorf("no agent strings for %s", lang)
			continue
		}
		if got := sortedKeys(strs); !slices.Equal(got, want) {
			t.Errorf("%s has keys %v,\nen has %v", lang, got, want)
		}
		for k, v := range strs {
			if v == "" {
				t.Errorf("%s: %s is empty", lang, k)
			}
		}
	}
}
