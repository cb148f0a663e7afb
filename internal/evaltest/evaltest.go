// Package evaltest locates the shared evaluation sets for tests. The sets
// live beside the repository (../shared/eval), never inside it: the
// product does not depend on them, only tests and `make eval` read them.
package evaltest

import (
	"os"
	"path/filepath"
	"testing"
)

// SharedSets returns the folder of the shared evaluation sets as seen from
// a package directory one level below the repository root. It skips the
// test under -short (the sets are slow) and when the folder is missing,
// except under CI, where a missing folder fails the test: CI must measure.
func SharedSets(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("evaluation sets are slow; skipped under -short")
	}
	root := filepath.Join("..", "..", "shared", "eval")
	if _, err := os.Stat(root); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI must have the shared evaluation sets: %v", err)
		}
		t.Skipf("no shared evaluation sets at %s", root)
	}
	return root
}
