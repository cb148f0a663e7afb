package server

import (
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"
)

// fakeClock is a settable clock for the limiter.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

func newTestClients(t *testing.T, cfg ClientLimit) (*clientLimiter, *fakeClock) {
	t.Helper()
	cfg.Enabled = true
	c, err := newClientLimiter(cfg)
	if err != nil {
		t.Fatal(err)
	}
	clock := &fakeClock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	c.now = clock.now
	return c, clock
}

func addr(i int) netip.Prefix {
	return netip.PrefixFrom(netip.AddrFrom4([4]byte{198, 18, byte(i >> 8), byte(i)}), 32)
}

func TestClientLimiterRefillAndRetry(t *testing.T) {
	c, clock := newTestClients(t, ClientLimit{PerSecond: 2, Burst: 4})
	for i := range 4 {
		if _, ok := c.allow(addr(1)); !ok {
			t.Fatalf("request %d of the burst refused", i+1)
		}
	}
	wait, ok := c.allow(addr(1))
	if ok || wait != 500*time.Millisecond {
		t.Fatalf("over the burst: ok=%v wait=%s, want refused with 500ms", ok, wait)
	}
	// Refusals must not use up tokens: half a second later one is back.
	for range 10 {
		c.allow(addr(1))
	}
	clock.t = clock.t.Add(500 * time.Millisecond)
	if _, ok := c.allow(addr(1)); !ok {
		t.Error("refused requests used up the refill")
	}
}

func TestClientLimiterForgetsIdleClients(t *testing.T) {
	c, clock := newTestClients(t, ClientLimit{PerSecond: 10, Burst: 40}) // refills in 4 s
	for i := range 1000 {
		c.allow(addr(i))
	}
	if n := c.size(); n != 1000 {
		t.Fatalf("%d clients remembered, want 1000", n)
	}
	clock.t = clock.t.Add(3 * time.Second)
	c.allow(addr(0))
	if n := c.size(); n != 1000 {
		t.Errorf("after 3 s: %d clients remembered, want all 1000 (their buckets are not full yet)", n)
	}
	clock.t = clock.t.Add(2 * time.Second)
	c.allow(addr(5000))
	if n := c.size(); n != 2 {
		t.Errorf("after 5 s: %d clients remembered, want 2 (the others' buckets are full again)", n)
	}
}

func TestClientLimiterBoundedUnderManyAddresses(t *testing.T) {
	c, _ := newTestClients(t, ClientLimit{PerSecond: 1, Burst: 2, MaxClients: 100})
	for i := range 10000 {
		c.allow(addr(i))
		if n := c.size(); n > 100 {
			t.Fatalf("after %d addresses: %d clients remembered, over the bound of 100", i+1, n)
		}
	}
	// The active client is the last one forgotten: its spent bucket holds.
	hot := addr(20000)
	c.allow(hot)
	c.allow(hot)
	for i := range 99 {
		c.allow(addr(30000 + i))
		c.allow(hot)
	}
	if _, ok := c.allow(hot); ok {
		t.Error("a busy client's bucket was reset by other clients' traffic")
	}
}

func TestClientKey(t *testing.T) {
	trusted := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("::1/128")}
	long := strings.Repeat("10.0.0.9, ", 10000) + "10.0.0.8"
	tests := []struct {
		peer, xff, want string
	}{
		{"203.0.113.1:80", "", "203.0.113.1/32"},
		{"203.0.113.1:80", "198.51.100.1", "203.0.113.1/32"},
		{"10.1.2.3:80", "198.51.100.1", "198.51.100.1/32"},
		{"10.1.2.3:80", "198.51.100.1:5555", "198.51.100.1/32"},
		{"10.1.2.3:80", " 192.0.2.1 ,198.51.100.1 , 10.0.0.7", "198.51.100.1/32"},
		{"10.1.2.3:80", "garbage, 10.0.0.7", "10.0.0.7/32"},
		{"10.1.2.3:80", "198.51.100.1, garbage", "10.1.2.3/32"},
		{"[::1]:80", "[2001:db8:1:2:3::4]:99", "2001:db8:1:2::/64"},
		{"[::ffff:10.0.0.1]:80", "198.51.100.1", "198.51.100.1/32"},
		{"[fe80::1%eth0]:80", "", "fe80::/64"},
		{"10.1.2.3:80", long, "10.0.0.9/32"},
		{"pipe", "198.51.100.1", "invalid Prefix"},
	}
	for _, tt := range tests {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = tt.peer
		if tt.xff != "" {
			r.Header.Set("X-Forwarded-For", tt.xff)
		}
		if got := clientKey(r, trusted).String(); got != tt.want {
			t.Errorf("peer %s, X-Forwarded-For %.40q: %s, want %s", tt.peer, tt.xff, got, tt.want)
		}
	}
	// Several header lines are one list, in order.
	r := httptest.NewRequest("GET", "/", nil)
	r.RemoteAddr = "10.1.2.3:80"
	r.Header.Add("X-Forwarded-For", "198.51.100.1")
	r.Header.Add("X-Forwarded-For", "198.51.100.2, 10.0.0.1")
	if got := clientKey(r, trusted).String(); got != "198.51.100.2/32" {
		t.Errorf("two header lines: %s, want 198.51.100.2/32", got)
	}
}

func BenchmarkClientLimiterManyAddresses(b *testing.B) {
	c, err := newClientLimiter(ClientLimit{Enabled: true})
	if err != nil {
		b.Fatal(err)
	}
	for i := range b.N {
		c.allow(addr(i % (1 << 16)))
	}
	b.ReportMetric(float64(c.size()), "clients")
}
