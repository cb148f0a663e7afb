package bench

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"sort"
	"strings"
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
	bodies := make([][]byte, 0, 2000)
	for _, m := range Messages(v, cap(bodies), 9) {
		body, _ := json.Marshal(map[string]any{"text": m.Text, "limit": m.Limit})
		bodies = append(bodies, body)
	}
	h := srv.Handler()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := RunLoad(h, suggestClients, len(bodies), func(base string, j int) *http.Request {
			req, _ := http.NewRequest(http.MethodPost, base+"/api/v1/suggest", bytes.NewReader(bodies[j]))
			req.Header.Set("Authorization", "Bearer "+token)
			req.Header.Set("Content-Type", "application/json")
			return req
		})
		if err != nil {
			b.Fatal(err)
		}
		reportLoad(b, res)
	}
}

// reportLoad reports a load run's latencies, throughput and CPU per request.
func reportLoad(b *testing.B, res LoadResult) {
	b.Helper()
	reportSuggestLatency(b, res.Server, "server-")
	reportSuggestLatency(b, res.Client, "client-")
	b.ReportMetric(float64(res.Requests)/res.Elapsed.Seconds(), "req/s")
	b.ReportMetric(float64(res.CPU.Microseconds())/1000/float64(res.Requests), "cpu-ms/req")
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
