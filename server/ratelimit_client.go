package server

import (
	"container/list"
	"fmt"
	"net/http"
	"net/netip"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// ClientLimit is the per-client limit of anonymous API calls and search
// pages: a token bucket per client address. The zero value is off, so
// embedders and tests opt in; spravka serve turns it on by default.
type ClientLimit struct {
	Enabled   bool
	PerSecond float64 // sustained requests per second; 0 = 10
	Burst     int     // requests allowed at once; 0 = 40
	// MaxClients bounds the clients remembered at once (0 = 65,536): past
	// it the least recently seen is forgotten, so many addresses cost a
	// bounded amount of memory.
	MaxClients int
	// TrustedProxies are the reverse proxies whose X-Forwarded-For names
	// the client; from any other peer the header is ignored.
	TrustedProxies []netip.Prefix
}

// Defaults of the per-client limit: instant search sends a request per
// pause in typing and a crawler a page per second or so; a client that
// keeps up ten searches a second for long is a script.
const (
	DefaultClientPerSecond  = 10
	DefaultClientBurst      = 40
	DefaultClientMaxClients = 1 << 16
)

// clientLimiter keeps a token bucket per client in a map bounded by
// MaxClients, most recently seen first. A bucket idle long enough to have
// refilled is dropped: a new one would be the same.
type clientLimiter struct {
	rate    rate.Limit
	burst   int
	idle    time.Duration // time to refill a whole burst
	max     int
	proxies []netip.Prefix
	now     func() time.Time

	mu      sync.Mutex
	clients map[netip.Prefix]*list.Element // values are *clientBucket
	recent  list.List                      // front: most recently seen
}

type clientBucket struct {
	key  netip.Prefix
	lim  *rate.Limiter
	seen time.Time
}

// newClientLimiter validates cfg; it returns nil when the limit is off.
func newClientLimiter(cfg ClientLimit) (*clientLimiter, error) {
	perSecond, burst, err := bucketSize(cfg.PerSecond, cfg.Burst, DefaultClientPerSecond, DefaultClientBurst)
	if err != nil {
		return nil, fmt.Errorf("server: client rate limit: %w", err)
	}
	if cfg.MaxClients < 0 {
		return nil, fmt.Errorf("server: client rate limit: max clients must not be negative, got %d", cfg.MaxClients)
	}
	proxies := make([]netip.Prefix, len(cfg.TrustedProxies))
	for i, p := range cfg.TrustedProxies {
		if !p.IsValid() {
			return nil, fmt.Errorf("server: client rate limit: trusted proxy %d is not a valid address range", i+1)
		}
		proxies[i] = p.Masked()
	}
	if !cfg.Enabled {
		return nil, nil
	}
	c := &clientLimiter{rate: rate.Limit(perSecond), burst: burst, max: cfg.MaxClients, proxies: proxies,
		now: time.Now, clients: map[netip.Prefix]*list.Element{}}
	if c.max == 0 {
		c.max = DefaultClientMaxClients
	}
	c.idle = time.Duration(float64(burst) / perSecond * float64(time.Second))
	return c, nil
}

// allow takes a request from the client's bucket, or says how long until
// one is available.
func (c *clientLimiter) allow(client netip.Prefix) (time.Duration, bool) {
	now := c.now()
	c.mu.Lock()
	defer c.mu.Unlock()
	for e := c.recent.Back(); e != nil && now.Sub(e.Value.(*clientBucket).seen) >= c.idle; e = c.recent.Back() {
		c.forget(e)
	}
	var b *clientBucket
	if e, ok := c.clients[client]; ok {
		b = e.Value.(*clientBucket)
		c.recent.MoveToFront(e)
	} else {
		if len(c.clients) >= c.max {
			c.forget(c.recent.Back())
		}
		b = &clientBucket{key: client, lim: rate.NewLimiter(c.rate, c.burst)}
		c.clients[client] = c.recent.PushFront(b)
	}
	b.seen = now
	return take(b.lim, now)
}

func (c *clientLimiter) forget(e *list.Element) {
	delete(c.clients, e.Value.(*clientBucket).key)
	c.recent.Remove(e)
}

// size is the number of clients remembered.
func (c *clientLimiter) size() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.clients)
}

// perClient counts anonymous requests against their client's bucket and
// refuses those over it. Requests with a valid token are counted per token
// by authenticate instead; a shared office address full of agents must not
// starve them.
func (s *Server) perClient(h handlerFunc) handlerFunc {
	if s.clients == nil {
		return h
	}
	return func(w http.ResponseWriter, r *http.Request) error {
		if accessOf(r).Agent == "" {
			if wait, ok := s.clients.allow(clientKey(r, s.clients.proxies)); !ok {
				s.metrics.rateLimited.WithLabelValues("client").Inc()
				return errLimited(wait, "from your address")
			}
		}
		return h(w, r)
	}
}
