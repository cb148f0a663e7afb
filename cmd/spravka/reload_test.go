package main

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// lockedBuffer is the server's log, written by its goroutines and read by
// the test.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// servedConfig writes a config file with the agents' plain tokens (name →
// token) the way an editor saves: a new file renamed over the old one.
func servedConfig(t *testing.T, path string, agents map[string]string) {
	t.Helper()
	var b strings.Builder
	b.WriteString("agents:\n")
	for name, tok := range agents {
		b.WriteString("  - name: " + name + "\n    token_sha256: \"" + sha256Hex(tok) + "\"\n")
	}
	writeAtomically(t, path, b.String())
}

func writeAtomically(t *testing.T, path, s string) {
	t.Helper()
	tmp := path + ".new"
	if err := os.WriteFile(tmp, []byte(s), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

// TestServeReloadsAgents runs `spravka serve` and revokes a token by
// editing the config file: the token is refused within 2 s, without a
// restart. A broken edit is logged and changes nothing; SIGHUP reloads too.
func TestServeReloadsAgents(t *testing.T) {
	dir := t.TempDir()
	content, cfgFile := filepath.Join(dir, "content"), filepath.Join(dir, "spravka.yaml")
	if err := os.MkdirAll(filepath.Join(content, "billing"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(content, "billing", "refunds.en.md"), []byte("---\ntitle: Refunds\n---\nRefund words.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	servedConfig(t, cfgFile, map[string]string{"keep": "keep-token", "revoke": "revoke-token"})

	logs := &lockedBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--config", cfgFile, "--content", content, "--data", filepath.Join(dir, "data"),
			"--addr", "127.0.0.1:0"}, &lockedBuffer{}, logs)
	}()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	}()
	base := waitForURL(t, logs, done)

	status := func(token string) int {
		t.Helper()
		req, _ := http.NewRequest("GET", base+"/api/v1/search?q=refund&lang=en", nil)
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if a, b := status("keep-token"), status("revoke-token"); a != 200 || b != 200 {
		t.Fatalf("before the edit: %d and %d, want 200", a, b)
	}

	start := time.Now()
	servedConfig(t, cfgFile, map[string]string{"keep": "keep-token"})
	for status("revoke-token") != http.StatusUnauthorized {
		if time.Since(start) > 2*time.Second {
			t.Fatalf("the removed token still works 2 s after the edit\nlog:\n%s", logs.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Logf("removed token refused %s after the edit", time.Since(start).Round(time.Millisecond))
	if s := status("keep-token"); s != 200 {
		t.Errorf("the kept token: %d", s)
	}
	waitForLog(t, logs, `msg="config reloaded".*reason="config file changed"`)

	// A broken edit: logged, and the running agents stay.
	writeAtomically(t, cfgFile, "agents: [\n")
	waitForLog(t, logs, `msg="config not reloaded; keeping the current agents and admin token"`)
	if s := status("keep-token"); s != 200 {
		t.Errorf("after a broken edit the kept token gets %d", s)
	}

	// SIGHUP reloads the file as it is, even when the watch saw nothing new.
	servedConfig(t, cfgFile, map[string]string{"keep": "keep-token", "back": "back-token"})
	waitForLog(t, logs, `msg="config reloaded".*agents=2`)
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	waitForLog(t, logs, `msg="config reloaded".*reason=SIGHUP`)
	if s := status("back-token"); s != 200 {
		t.Errorf("the token added back: %d", s)
	}
}

var servingURL = regexp.MustCompile(`msg=serving url=(http://\S+)`)

// waitForURL waits for the server to log its address.
func waitForURL(t *testing.T, logs *lockedBuffer, done <-chan error) string {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if m := servingURL.FindStringSubmatch(logs.String()); m != nil {
			return m[1]
		}
		select {
		case err := <-done:
			t.Fatalf("serve stopped: %v\n%s", err, logs.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatalf("serve did not start:\n%s", logs.String())
	return ""
}

// waitForLog waits for a log line matching pattern.
func waitForLog(t *testing.T, logs *lockedBuffer, pattern string) {
	t.Helper()
	re := regexp.MustCompile(pattern)
	deadline := time.Now().Add(10 * time.Second)
	for !re.MatchString(logs.String()) {
		if time.Now().After(deadline) {
			t.Fatalf("no log line matches %s:\n%s", pattern, logs.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}
