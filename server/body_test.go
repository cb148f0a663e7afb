package server_test

import (
	"bufio"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestMalformedBodies: a chunked body that is broken, or stops arriving,
// gets a quick 400 "malformed request body" on every endpoint that reads
// a body, never the server's socket addresses or a wait for its read
// timeout.
func TestMalformedBodies(t *testing.T) {
	site := newAnalyticsSite(t, nil)
	addr := strings.TrimPrefix(site.srv.URL, "http://")
	endpoints := []struct{ name, path, ctype, auth string }{
		{"suggest", "/api/v1/suggest", jsonType, agentToken},
		{"suggest feedback", "/api/v1/suggest/feedback", jsonType, agentToken},
		{"vote", "/api/v1/feedback", jsonType, ""},
		{"vote form", "/api/v1/feedback", formType, ""},
		{"admin login", "/admin/login", formType, ""},
	}
	bodies := []struct{ name, chunks string }{
		{"bad chunk size", "zz\r\n{}\r\n0\r\n\r\n"},
		// Five bytes announced and sent, then a lone \n where \r\n belongs:
		// the server waits for the second byte that never comes.
		{"stalled chunk", "5\r\n{\"te\r\n"},
		{"last chunk never sent", "2\r\n{}\r\n"},
	}
	// The requests run at once, as each may take up to the stall limit;
	// t.Parallel would run only GOMAXPROCS of them at a time.
	type answer struct {
		resp *http.Response
		body string
		took time.Duration
		err  error
	}
	answers := make(map[string]chan answer)
	for _, ep := range endpoints {
		for _, b := range bodies {
			req := "POST " + ep.path + " HTTP/1.1\r\nHost: " + addr + "\r\nContent-Type: " + ep.ctype +
				"\r\nTransfer-Encoding: chunked\r\n"
			if ep.auth != "" {
				req += "Authorization: Bearer " + ep.auth + "\r\n"
			}
			ch := make(chan answer, 1)
			answers[ep.name+"/"+b.name] = ch
			go func() {
				start := time.Now()
				resp, body, err := rawRequest(addr, req+"\r\n"+b.chunks)
				ch <- answer{resp, body, time.Since(start), err}
			}()
		}
	}
	for name, ch := range answers {
		t.Run(name, func(t *testing.T) {
			a := <-ch
			if a.err != nil {
				t.Fatalf("no answer after %s: %v", a.took, a.err)
			}
			if a.took > 10*time.Second {
				t.Errorf("answered after %s", a.took)
			}
			if a.resp.StatusCode != http.StatusBadRequest {
				t.Fatalf("status %d: %s", a.resp.StatusCode, a.body)
			}
			if strings.Contains(a.body, "127.0.0.1") || strings.Contains(a.body, "tcp") || strings.Contains(a.body, "chunk") {
				t.Errorf("the answer tells about the server's internals: %s", a.body)
			}
			if strings.HasPrefix(a.resp.Header.Get("Content-Type"), "application/json") {
				var e struct {
					Error struct{ Code, Message string }
				}
				if err := json.Unmarshal([]byte(a.body), &e); err != nil || e.Error.Message != "malformed request body" {
					t.Errorf("JSON error %q, want message \"malformed request body\"", a.body)
				}
			} else if !strings.Contains(a.body, "malformed request body") {
				t.Errorf("page does not say \"malformed request body\": %.300s", a.body)
			}
		})
	}
}

// rawRequest writes req on a new connection and reads one response; the
// connection stays open meanwhile, as a stalled client's would.
func rawRequest(addr, req string) (*http.Response, string, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, "", err
	}
	defer conn.Close()
	if err := conn.SetDeadline(time.Now().Add(15 * time.Second)); err != nil {
		return nil, "", err
	}
	if _, err := io.WriteString(conn, req); err != nil {
		return nil, "", err
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		return nil, "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp, string(b), err
}
