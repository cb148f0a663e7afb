package main

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/spravka/spravka/server"
)

// clientRateLimitConfig is the per-client limit of anonymous API calls and
// search pages (server.ClientLimit); zero numbers mean the defaults.
type clientRateLimitConfig struct {
	Enabled    bool    `yaml:"enabled"`     // default true
	PerSecond  float64 `yaml:"per_second"`  // default 10
	Burst      int     `yaml:"burst"`       // default 40
	MaxClients int     `yaml:"max_clients"` // default 65536
	// TrustedProxies are CIDRs or addresses of the reverse proxies whose
	// X-Forwarded-For is believed; default loopback only.
	TrustedProxies []string `yaml:"trusted_proxies"`
}

func defaultClientRateLimit() clientRateLimitConfig {
	return clientRateLimitConfig{Enabled: true, TrustedProxies: []string{"127.0.0.0/8", "::1/128"}}
}

func (c config) validateClientRateLimit() error {
	l := c.ClientRateLimit
	if l.PerSecond < 0 || l.Burst < 0 || l.MaxClients < 0 {
		return fmt.Errorf("config: client_rate_limit: per_second, burst and max_clients must not be negative")
	}
	_, err := l.proxies()
	return err
}

// proxies parses the trusted proxies; a bare address is a range of one.
func (l clientRateLimitConfig) proxies() ([]netip.Prefix, error) {
	out := make([]netip.Prefix, 0, len(l.TrustedProxies))
	for i, s := range l.TrustedProxies {
		s = strings.TrimSpace(s)
		p, err := netip.ParsePrefix(s)
		if err != nil {
			a, aerr := netip.ParseAddr(s)
			if aerr != nil {
				return nil, fmt.Errorf("config: client_rate_limit.trusted_proxies[%d] %q is neither a CIDR nor an address: %w", i, s, err)
			}
			p = netip.PrefixFrom(a, a.BitLen())
		}
		out = append(out, p.Masked())
	}
	return out, nil
}

// serverClientLimit converts the validated config for the server, with the
// defaults filled in so the log and the tests see the numbers in force.
func (c config) serverClientLimit() server.ClientLimit {
	l := c.ClientRateLimit
	proxies, _ := l.proxies() // validated by resolve
	out := server.ClientLimit{Enabled: l.Enabled, PerSecond: l.PerSecond, Burst: l.Burst, MaxClients: l.MaxClients,
		TrustedProxies: proxies}
	if out.PerSecond == 0 {
		out.PerSecond = server.DefaultClientPerSecond
	}
	if out.Burst == 0 {
		out.Burst = server.DefaultClientBurst
	}
	return out
}
