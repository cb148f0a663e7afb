package main

import (
	"flag"
	"io"
	"net/netip"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/spravka/spravka/server"
)

// resolveFile resolves the settings of a command given a config file.
func resolveFile(t *testing.T, yaml string) (config, error) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "spravka.yaml")
	if err := os.WriteFile(file, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	s := newSettings(fs, "data")
	if err := fs.Parse([]string{"--config", file}); err != nil {
		t.Fatal(err)
	}
	return s.resolve()
}

func TestClientRateLimitConfig(t *testing.T) {
	loopback := []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8"), netip.MustParsePrefix("::1/128")}
	tests := []struct {
		name, yaml string
		want       server.ClientLimit
		wantErr    string
	}{
		{"defaults: on, proxies on loopback trusted", "site_name: x\n",
			server.ClientLimit{Enabled: true, PerSecond: 10, Burst: 40, TrustedProxies: loopback}, ""},
		{"off switch", "client_rate_limit:\n  enabled: false\n",
			server.ClientLimit{PerSecond: 10, Burst: 40, TrustedProxies: loopback}, ""},
		{"own numbers keep the other defaults", "client_rate_limit:\n  per_second: 2.5\n  max_clients: 1000\n",
			server.ClientLimit{Enabled: true, PerSecond: 2.5, Burst: 40, MaxClients: 1000, TrustedProxies: loopback}, ""},
		{"trusted proxies replace the default; a bare address is one host",
			"client_rate_limit:\n  trusted_proxies: [10.0.0.0/8, 192.168.1.7, 'fd00::/8']\n",
			server.ClientLimit{Enabled: true, PerSecond: 10, Burst: 40, TrustedProxies: []netip.Prefix{
				netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("192.168.1.7/32"), netip.MustParsePrefix("fd00::/8")}}, ""},
		{"no trusted proxies", "client_rate_limit:\n  trusted_proxies: []\n",
			server.ClientLimit{Enabled: true, PerSecond: 10, Burst: 40, TrustedProxies: []netip.Prefix{}}, ""},
		{"bad proxy", "client_rate_limit:\n  trusted_proxies: [10.0.0.0/33]\n", server.ClientLimit{},
			`client_rate_limit.trusted_proxies[0] "10.0.0.0/33"`},
		{"negative rate", "client_rate_limit:\n  per_second: -1\n", server.ClientLimit{}, "client_rate_limit"},
		{"negative burst", "client_rate_limit:\n  burst: -1\n", server.ClientLimit{}, "client_rate_limit"},
		{"unknown key", "client_rate_limit:\n  rps: 5\n", server.ClientLimit{}, "rps"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := resolveFile(t, tt.yaml)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one naming %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := c.serverClientLimit(); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}
