package bench

import (
	"log/slog"
	"net/http"
	"net/url"
	"testing"

	"github.com/spravka/spravka/server"
	"github.com/spravka/spravka/themes"
)

// searchClients is the concurrency of the ranking issue's HTTP target:
// p50 ≤ 2 ms, p99 ≤ 10 ms and ≥ 3,000 req/s at 32 clients.
const searchClients = 32

// BenchmarkSearchHTTP20k is the load test of GET /api/v1/search on the 20k
// corpus: the real handler (routing, rate limit, JSON, the engine) behind
// an in-process TCP listener, 32 clients sending short queries in the four
// languages. Clients and server share the machine's cores, so cpu-ms/req —
// the whole process's CPU per request — is the figure to compare between
// runs; req/s on 2 cores is at most 2000/cpu-ms.
func BenchmarkSearchHTTP20k(b *testing.B) {
	eng, v := engine20k(b)
	srv, err := server.New(server.Config{Theme: themes.Default(), Logger: slog.New(slog.DiscardHandler),
		RateLimit: server.RateLimit{PerSecond: 1e6, Burst: 1e6}}, eng)
	if err != nil {
		b.Fatal(err)
	}
	queries := Queries(v, 4000, 13)
	paths := make([]string, len(queries))
	for i, q := range queries {
		paths[i] = "/api/v1/search?" + url.Values{"q": {q.Text}, "lang": {q.Lang}}.Encode()
	}
	h := srv.Handler()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := RunLoad(h, searchClients, len(paths), func(base string, j int) *http.Request {
			req, _ := http.NewRequest(http.MethodGet, base+paths[j], nil)
			return req
		})
		if err != nil {
			b.Fatal(err)
		}
		reportLoad(b, res)
	}
}
