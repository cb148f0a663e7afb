package server

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"golang.org/x/time/rate"
)

// RateLimit is the per-token limit of API requests made with a token.
// Anonymous requests are not limited here: they belong to the reverse
// proxy's per-address limits.
type RateLimit struct {
	PerSecond float64 // sustained requests per second; 0 = 20
	Burst     int     // requests allowed at once; 0 = 40
}

// Defaults of the per-token limit: a busy agent team or a chatbot well
// above human speed, far below what would starve other callers.
const (
	DefaultRatePerSecond = 20
	DefaultRateBurst     = 40
)

// rateLimiter holds one token bucket per configured token. Tokens are
// fixed at startup, so the set never grows with traffic.
type rateLimiter struct {
	buckets []*rate.Limiter
}

func newRateLimiter(rl RateLimit, tokens int) (*rateLimiter, error) {
	if rl.PerSecond == 0 {
		rl.PerSecond = DefaultRatePerSecond
	}
	if rl.Burst == 0 {
		rl.Burst = DefaultRateBurst
	}
	if rl.PerSecond < 0 || math.IsNaN(rl.PerSecond) || math.IsInf(rl.PerSecond, 0) || rl.Burst < 1 {
		return nil, fmt.Errorf("server: rate limit must be positive, got %g/s burst %d", rl.PerSecond, rl.Burst)
	}
	l := &rateLimiter{buckets: make([]*rate.Limiter, tokens)}
	for i := range l.buckets {
		l.buckets[i] = rate.NewLimiter(rate.Limit(rl.PerSecond), rl.Burst)
	}
	return l, nil
}

// allow takes a request from token i's bucket, or says how long until one
// is available.
func (l *rateLimiter) allow(i int) (time.Duration, bool) {
	res := l.buckets[i].Reserve()
	if !res.OK() {
		return time.Second, false
	}
	if d := res.Delay(); d > 0 {
		res.Cancel() // a refused request must not use up the next slot
		return d, false
	}
	return 0, true
}

// retryAfter renders a wait as Retry-After's whole seconds, at least 1.
func retryAfter(d time.Duration) string {
	return strconv.Itoa(max(1, int(math.Ceil(d.Seconds()))))
}
