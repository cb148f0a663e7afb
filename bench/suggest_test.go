package bench

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/server"
	"github.com/spravka/spravka/themes"
)

// suggestClients is the number of concurrent agents of the load test.
const suggestClients = 8

// Messages returns k deterministic customer messages of 20–200 words in
// the four languages. Words follow the vocabulary's Zipf distribution, so a
// message carries function words and common verbs like real text, plus a
// few rarer words that carry its topic.
func Messages(v Vocabulary, k int, seed uint64) []spravka.SuggestRequest {
	rng := rand.New(rand.NewPCG(seed, 11))
	zipf := map[string]*rand.Zipf{}
	for _, l := range spravka.Languages {
		zipf[l] = rand.NewZipf(rng, 1.07, 2, uint64(len(v[l])-1))
	}
	out := make([]spravka.SuggestRequest, 0, k)
	for i := 0; i < k; i++ {
		lang := spravka.Languages[i%len(spravka.Languages)]
		n := 20 + rng.IntN(181)
		var b strings.Builder
		for j := 0; j < n; j++ {
			if j > 0 {
				if rng.IntN(12) == 0 {
					b.WriteString(". ")
				} else {
					b.WriteByte(' ')
				}
			}
			b.WriteString(v[lang][zipf[lang].Uint64()])
		}
		b.WriteByte('?')
		out = append(out, spravka.SuggestRequest{Text: b.String(), Limit: spravka.DefaultSuggestions})
	}
	return out
}

// BenchmarkSuggestEngine20k calls the engine directly, one message at a
// time: the figure to profile (-cpuprofile) when the load test is slow.
func BenchmarkSuggestEngine20k(b *testing.B) {
	eng, v := engine20k(b)
	msgs := Messages(v, 1000, 5)
	agent := spravka.Access{Agent: "bench", Tiers: []string{"l1"}}
	for _, m := range msgs[:50] { // warm caches, as a running server is
		m.Access = agent
		if _, err := eng.Suggest(context.Background(), m); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		took := make([]time.Duration, 0, len(msgs))
		for _, m := range msgs {
			m.Access = agent
			start := time.Now()
			if _, err := eng.Suggest(context.Background(), m); err != nil {
				b.Fatal(err)
			}
			took = append(took, time.Since(start))
		}
		reportSuggestLatency(b, took, "")
	}
}

// BenchmarkSuggestHTTP20k is the load test of the speed target: the real
// server handler on an httptest server listening on 127.0.0.1 (in-process,
// over TCP), 8 concurrent clients posting messages of 20–200 words with an
// agent token. Server-side latency is measured around the whole handler —
// authentication, rate limit, JSON and the engine; client latency adds the
// loopback round trip and the clients' own CPU, which competes for the
// same 2 cores.
func BenchmarkSuggestHTTP20k(b *testing.B) {
	eng, v := engine20k(b)
	const token = "bench-token"
	sum := sha256.Sum256([]byte(token))
	srv, err := server.New(server.Config{Theme: themes.Default(), Logger: slog.New(slog.DiscardHandler),
		Agents:    []server.Agent{{Name: "bench", TokenSHA256: hex.EncodeToString(sum[:]), Tiers: []string{"l1"}}},
		RateLimit: server.RateLimit{PerSecond: 1e6, Burst: 1e6}}, eng)
	if err != nil {
		b.Fatal(err)
	}
	var mu sync.Mutex
	var serverSide []time.Duration
	h := srv.Handler()
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		h.ServeHTTP(w, r)
		d := time.Since(start)
		mu.Lock()
		serverSide = append(serverSide, d)
		mu.Unlock()
	}))
	defer ts.Close()
	bodies := make([][]byte, 0, 2000)
	for _, m := range Messages(v, cap(bodies), 9) {
		body, _ := json.Marshal(map[string]any{"text": m.Text, "limit": m.Limit})
		bodies = append(bodies, body)
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: suggestClients}}
	post := func(body []byte) error {
		req, _ := http.NewRequest(http.MethodPost, ts.URL+"/api/v1/suggest", bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", "application/json")
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		if _, err := io.Copy(io.Discard, resp.Body); err != nil {
			return err
		}
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("status %d", resp.StatusCode)
		}
		return nil
	}
	for _, body := range bodies[:100] { // warm up connections and caches
		if err := post(body); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		mu.Lock()
		serverSide = serverSide[:0]
		mu.Unlock()
		var clientSide []time.Duration
		var cmu sync.Mutex
		var wg sync.WaitGroup
		errc := make(chan error, suggestClients)
		cpu0 := processCPU()
		start := time.Now()
		for c := 0; c < suggestClients; c++ {
			wg.Add(1)
			go func(c int) {
				defer wg.Done()
				for j := c; j < len(bodies); j += suggestClients {
					t0 := time.Now()
					if err := post(bodies[j]); err != nil {
						errc <- err
						return
					}
					d := time.Since(t0)
					cmu.Lock()
					clientSide = append(clientSide, d)
					cmu.Unlock()
				}
			}(c)
		}
		wg.Wait()
		elapsed := time.Since(start)
		cpu := processCPU() - cpu0
		close(errc)
		if err := <-errc; err != nil {
			b.Fatal(err)
		}
		mu.Lock()
		reportSuggestLatency(b, serverSide, "server-")
		mu.Unlock()
		reportSuggestLatency(b, clientSide, "client-")
		b.ReportMetric(float64(len(bodies))/elapsed.Seconds(), "req/s")
		// CPU per request of the whole process (server and clients): the
		// figure that does not depend on what else the machine runs.
		b.ReportMetric(float64(cpu.Microseconds())/1000/float64(len(bodies)), "cpu-ms/req")
	}
}

// processCPU is the user and system CPU time the process has used.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportSuggestLatency reports p50 and p99 of took in milliseconds.
func reportSuggestLatency(b *testing.B, took []time.Duration, prefix string) {
	b.Helper()
	if len(took) == 0 {
		b.Fatal("no measurements")
	}
	s := append([]time.Duration(nil), took...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	ms := func(p float64) float64 { return float64(s[int(p*float64(len(s)-1))].Microseconds()) / 1000 }
	b.ReportMetric(ms(0.50), prefix+"p50-ms")
	b.ReportMetric(ms(0.99), prefix+"p99-ms")
	b.ReportMetric(0, "ns/op")
}
