package htmlcheck

import "testing"

func TestActive(t *testing.T) {
	tests := []struct {
		doc  string
		want bool
	}{
		{`<p>plain <b>text</b> &lt;script&gt;alert(1)&lt;/script&gt; onclick=&quot;x&quot;</p>`, false},
		{`<pre><code>&lt;a href="javascript:x"&gt;</code></pre>`, false},
		{`<a href="/en/page">ok</a><img src="data:image/png;base64,AAAA" alt="">`, false},
		{`<script>alert(1)</script>`, true},
		{`<SCRIPT SRC=//evil.example></SCRIPT>`, true},
		{`<img src=x onerror=alert(1)>`, true},
		{`<a href="JaVaScRiPt:alert(1)">x</a>`, true},
		{`<a href="&#106;avascript:alert(1)">x</a>`, true},
		{`<a href=" java	script:alert(1)">x</a>`, true},
		{`<form action="vbscript:x"></form>`, true},
		{`<a href="data:text/html,<script>x</script>">x</a>`, true},
		{`<iframe src="/x"></iframe>`, true},
	}
	for _, tt := range tests {
		if got := Active(tt.doc, NoScripts); (got != "") != tt.want {
			t.Errorf("Active(%q) = %q, want active: %v", tt.doc, got, tt.want)
		}
	}
}
