package bench

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"syscall"
	"time"
)

// LoadResult is what a load run measured.
type LoadResult struct {
	Server, Client []time.Duration // per request: around the handler; at the client
	Elapsed        time.Duration
	CPU            time.Duration // user+system CPU of the whole process
	Requests       int
}

// RunLoad serves h on an httptest server listening on 127.0.0.1 (over TCP,
// in-process) and sends the n requests that mk builds from clients
// concurrent clients, each reusing its keep-alive connection. Server-side
// latency is measured around the whole handler; client latency adds the
// loopback round trip and the clients' own CPU, which competes for the same
// cores — so the CPU per request is reported too, the figure that does not
// depend on what else the machine runs.
func RunLoad(h http.Handler, clients, n int, mk func(base string, i int) *http.Request) (LoadResult, error) {
	var mu sync.Mutex
	var res LoadResult
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		h.ServeHTTP(w, r)
		d := time.Since(start)
		mu.Lock()
		res.Server = append(res.Server, d)
		mu.Unlock()
	}))
	defer ts.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	send := func(req *http.Request) error {
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		if _, err := io.Copy(io.Discard, resp.Body); err != nil {
			return err
		}
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("%s %s: status %d", req.Method, req.URL.Path, resp.StatusCode)
		}
		return nil
	}
	for i := 0; i < min(n, 4*clients); i++ { // warm up connections and caches
		if err := send(mk(ts.URL, i)); err != nil {
			return res, err
		}
	}
	mu.Lock()
	res.Server = res.Server[:0]
	mu.Unlock()
	var wg sync.WaitGroup
	errc := make(chan error, clients)
	cpu0 := processCPU()
	start := time.Now()
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for j := c; j < n; j += clients {
				t0 := time.Now()
				if err := send(mk(ts.URL, j)); err != nil {
					errc <- err
					return
				}
				d := time.Since(t0)
				mu.Lock()
				res.Client = append(res.Client, d)
				mu.Unlock()
			}
		}(c)
	}
	wg.Wait()
	res.Elapsed = time.Since(start)
	res.CPU = processCPU() - cpu0
	res.Requests = n
	close(errc)
	return res, <-errc
}

// processCPU is the user and system CPU time the process has used.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
