package server

import (
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"time"

	"golang.org/x/time/rate"

	"github.com/spravka/spravka"
)

// RateLimit is the per-token limit of API requests made with a token.
// Anonymous requests count against ClientLimit instead.
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
	perSecond, burst, err := bucketSize(rl.PerSecond, rl.Burst, DefaultRatePerSecond, DefaultRateBurst)
	if err != nil {
		return nil, fmt.Errorf("server: rate limit: %w", err)
	}
	l := &rateLimiter{buckets: make([]*rate.Limiter, tokens)}
	for i := range l.buckets {
		l.buckets[i] = rate.NewLimiter(rate.Limit(perSecond), burst)
	}
	return l, nil
}

// allow takes a request from token i's bucket, or says how long until one
// is available.
func (l *rateLimiter) allow(i int) (time.Duration, bool) {
	return take(l.buckets[i], time.Now())
}

// bucketSize applies the defaults to a configured rate and burst (zero
// means the default) and refuses what no bucket can be made of.
func bucketSize(perSecond float64, burst int, defRate float64, defBurst int) (float64, int, error) {
	if perSecond == 0 {
		perSecond = defRate
	}
	if burst == 0 {
		burst = defBurst
	}
	if perSecond < 0 || math.IsNaN(perSecond) || math.IsInf(perSecond, 0) || burst < 1 {
		return 0, 0, fmt.Errorf("must be positive, got %g/s burst %d", perSecond, burst)
	}
	return perSecond, burst, nil
}

// take takes a request from l's bucket at now, or says how long until one
// is available.
func take(l *rate.Limiter, now time.Time) (time.Duration, bool) {
	res := l.ReserveN(now, 1)
	if !res.OK() {
		return time.Second, false
	}
	if d := res.DelayFrom(now); d > 0 {
		res.CancelAt(now) // a refused request must not use up the next slot
		return d, false
	}
	return 0, true
}

// limitedError refuses a request over a rate limit. Both error adapters
// (JSON and page) answer it with 429 and a Retry-After header.
type limitedError struct {
	wait time.Duration
	err  error
}

// errLimited says who is over which limit; the message tells when to retry.
func errLimited(wait time.Duration, who string) error {
	return &limitedError{wait: wait, err: spravka.Errorf(spravka.ErrRateLimited,
		"too many requests %s; retry in %s s", who, retryAfter(wait))}
}

func (e *limitedError) Error() string { return e.err.Error() }
func (e *limitedError) Unwrap() error { return e.err }

// setRetryAfter adds Retry-After to the answer of a rate-limited request.
func setRetryAfter(w http.ResponseWriter, err error) {
	if le, ok := errors.AsType[*limitedError](err); ok {
		w.Header().Set("Retry-After", retryAfter(le.wait))
	}
}

// retryAfter renders a wait as Retry-After's whole seconds, at least 1.
func retryAfter(d time.Duration) string {
	return strconv.Itoa(max(1, int(math.Ceil(d.Seconds()))))
}
