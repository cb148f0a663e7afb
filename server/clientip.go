package server

import (
	"net/http"
	"net/netip"
	"strings"
)

// maxForwardedHops bounds how many X-Forwarded-For entries are looked at,
// so a long forged header costs nothing.
const maxForwardedHops = 16

// clientKey names the client a request counts against: its address, or
// for IPv6 its /64, since one subscriber usually gets a whole /64 and could
// otherwise use a fresh address for every request. Behind trusted proxies
// the client is the last X-Forwarded-For entry that is not itself a trusted
// proxy: the entries left of it were written by the client and prove
// nothing. An unparsable peer address gets the zero key, shared by all such.
func clientKey(r *http.Request, trusted []netip.Prefix) netip.Prefix {
	addr := peerAddr(r.RemoteAddr)
	if isTrusted(addr, trusted) {
		addr = forwardedClient(addr, r.Header.Values("X-Forwarded-For"), trusted)
	}
	if !addr.IsValid() {
		return netip.Prefix{}
	}
	if addr.Is4() {
		return netip.PrefixFrom(addr, 32)
	}
	p, _ := addr.Prefix(64) // cannot fail: addr is valid IPv6 without a zone
	return p
}

// peerAddr parses the connection's remote address (host:port, or a bare
// address from some listeners).
func peerAddr(remote string) netip.Addr {
	if ap, err := netip.ParseAddrPort(remote); err == nil {
		return ap.Addr().Unmap().WithZone("")
	}
	a, _ := netip.ParseAddr(remote)
	return a.Unmap().WithZone("")
}

func isTrusted(a netip.Addr, trusted []netip.Prefix) bool {
	if !a.IsValid() {
		return false
	}
	for _, p := range trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// forwardedClient walks the X-Forwarded-For entries from the right (the
// hop nearest to us) past trusted proxies; peer is where the walk starts.
// An entry that is not an address stops it at the hop that wrote it.
func forwardedClient(peer netip.Addr, values []string, trusted []netip.Prefix) netip.Addr {
	client := peer
	hops := 0
	for i := len(values) - 1; i >= 0; i-- {
		v := values[i]
		for v != "" {
			if hops++; hops > maxForwardedHops {
				return client
			}
			var entry string
			if j := strings.LastIndexByte(v, ','); j >= 0 {
				v, entry = v[:j], v[j+1:]
			} else {
				v, entry = "", v
			}
			a := peerAddr(strings.TrimSpace(entry))
			if !a.IsValid() {
				return client
			}
			client = a
			if !isTrusted(a, trusted) {
				return client
			}
		}
	}
	return client
}
