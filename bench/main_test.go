package bench

import (
	"os"
	"testing"
)

func makeTempDir() (string, error) { return os.MkdirTemp("", "spravka-bench-") }

func TestMain(m *testing.M) {
	code := m.Run()
	if builtEng != nil {
		builtEng.Close()
	}
	if builtDir != "" {
		os.RemoveAll(builtDir)
	}
	os.Exit(code)
}
