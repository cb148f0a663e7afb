package search

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// crashEnv tells a re-executed test binary to act as the crashing process.
const crashEnv = "SPRAVKA_CRASH_HELPER"

// crashArticles is enough for a batch write to take a while, few enough to
// keep the test short under the race detector.
const crashArticles = 500

// TestCrashHelper is not a test on its own: run by TestKillDuringIndexing
// in a child process, it indexes and rebuilds until it is killed.
func TestCrashHelper(t *testing.T) {
	mode, dir := os.Getenv(crashEnv), os.Getenv(crashEnv+"_DIR")
	if mode == "" {
		t.Skip("helper process for TestKillDuringIndexing")
	}
	e, err := Open(Config{DataDir: dir, DefaultLang: "en", Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	say := func(s string) { os.Stdout.WriteString(s + "\n") }
	say("opened")
	salt := 0
	for {
		salt++
		arts := manyArticles(crashArticles, strings.Repeat("x", salt%3))
		say("replace")
		if err := e.Replace(context.Background(), &Content{Articles: arts}, nil); err != nil {
			t.Fatal(err)
		}
		if mode == "reindex" {
			say("reindex")
			if err := e.Reindex(context.Background(), nil); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestKillDuringIndexing kills a process with SIGKILL while it writes the
// index (mode "index") or rebuilds and swaps it (mode "reindex"), then
// checks that the next start opens the data dir and serves a consistent
// index: exactly the content, every article findable, no leftovers.
func TestKillDuringIndexing(t *testing.T) {
	if testing.Short() {
		t.Skip("starts subprocesses")
	}
	delays := []time.Duration{30 * time.Millisecond, 300 * time.Millisecond}
	for _, mode := range []string{"index", "reindex"} {
		for _, delay := range delays {
			t.Run(mode+"/"+delay.String(), func(t *testing.T) {
				dir := t.TempDir()
				killAfter(t, mode, dir, delay)
				checkConsistent(t, dir)
			})
		}
	}
}

// killAfter starts the helper, waits until it reports the phase of mode
// and then delay more, and kills it.
func killAfter(t *testing.T, mode, dir string, delay time.Duration) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashEnv+"="+mode, crashEnv+"_DIR="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	phase := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			phase <- sc.Text()
		}
		close(phase)
	}()
	want := "replace"
	if mode == "reindex" {
		want = "reindex"
	}
	deadline := time.After(2 * time.Minute)
wait:
	for {
		select {
		case p, ok := <-phase:
			if !ok {
				t.Fatal("helper exited before the phase to kill in")
			}
			if p == want {
				break wait
			}
		case <-deadline:
			cmd.Process.Kill()
			t.Fatal("helper never reached the phase")
		}
	}
	time.Sleep(delay)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
}

func checkConsistent(t *testing.T, dir string) {
	t.Helper()
	e, err := Open(Config{DataDir: dir, DefaultLang: "en", Logger: quiet})
	if err != nil {
		t.Fatalf("open after kill: %v", err)
	}
	defer e.Close()
	// Whatever state the kill left, loading the content must end with an
	// index that holds exactly it.
	arts := manyArticles(crashArticles, "")
	if err := e.Replace(context.Background(), &Content{Articles: arts}, nil); err != nil {
		t.Fatalf("replace after kill: %v", err)
	}
	n, err := e.store.cur.DocCount()
	if err != nil || int(n) != len(arts) {
		t.Errorf("index holds %d docs (%v), want %d", n, err, len(arts))
	}
	for _, a := range arts {
		if e.store.man.Hashes[a.Key()] != a.Hash {
			t.Fatalf("manifest hash of %s is %q", a.Key(), e.store.man.Hashes[a.Key()])
		}
	}
	for _, a := range []int{0, crashArticles / 2, crashArticles - 1} {
		res, err := e.Search(context.Background(), spravkaQuery(arts[a].Title))
		if err != nil || len(res.Hits) == 0 || res.Hits[0].ID != arts[a].ID {
			t.Errorf("article %s not found first after recovery: %v", arts[a].ID, err)
		}
	}
	entries, _ := os.ReadDir(dir)
	var indexes []string
	for _, en := range entries {
		if en.IsDir() && isIndexDir(en.Name()) {
			indexes = append(indexes, en.Name())
		}
	}
	if len(indexes) != 1 || filepath.Join(dir, indexes[0]) != e.IndexDir() {
		t.Errorf("index folders after recovery: %v, live %s", indexes, e.IndexDir())
	}
}
