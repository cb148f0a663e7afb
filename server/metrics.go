package server

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/gorilla/mux"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/spravka/spravka"
	"github.com/spravka/spravka/analytics"
)

// metrics are the server's Prometheus series, kept in a registry of their
// own (Config.Metrics) rather than the global default, so that tests and
// embedders get exactly these.
type metrics struct {
	reg         *prometheus.Registry
	requests    *prometheus.CounterVec
	latency     *prometheus.HistogramVec
	searches    *prometheus.CounterVec
	zeroResults *prometheus.CounterVec
	rateLimited *prometheus.CounterVec
	suggest     *suggestMetrics
}

// statsRecorder is a Recorder that counts what it keeps and drops, as
// analytics.Analytics does.
type statsRecorder interface {
	Stats() analytics.Stats
}

func newMetrics(reg *prometheus.Registry, s *Server) (*metrics, error) {
	if reg == nil {
		reg = prometheus.NewRegistry()
		reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	}
	m := &metrics{
		reg: reg,
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "spravka_http_requests_total",
			Help: "HTTP requests by route template, method and status code."}, []string{"route", "method", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "spravka_http_request_duration_seconds",
			Help:    "Time to answer HTTP requests, by route template and method.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5}}, []string{"route", "method"}),
		searches: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "spravka_searches_total",
			Help: "Customer searches (first pages) by source: site or api."}, []string{"source"}),
		zeroResults: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "spravka_search_zero_results_total",
			Help: "Customer searches that found nothing; divide by spravka_searches_total for the zero-result rate."},
			[]string{"source"}),
		rateLimited: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "spravka_rate_limited_total",
			Help: "Requests refused with 429, by limit: client (anonymous, per address) or token (per agent token)."},
			[]string{"limit"}),
		suggest: newSuggestMetrics(),
	}
	for _, limit := range []string{"client", "token"} {
		m.rateLimited.WithLabelValues(limit) // export zeros, so a rate() query has a series from the start
	}
	cs := append([]prometheus.Collector{m.requests, m.latency, m.searches, m.zeroResults, m.rateLimited, newIndexCollector(s)},
		m.suggest.collectors()...)
	if st, ok := s.analytics.(statsRecorder); ok {
		cs = append(cs,
			prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "spravka_analytics_events_dropped_total",
				Help: "Analytics events lost because the buffer was full or the store failed."},
				func() float64 { return float64(st.Stats().Dropped) }),
			prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "spravka_analytics_events_written_total",
				Help: "Analytics events stored."},
				func() float64 { return float64(st.Stats().Written) }))
	}
	for _, c := range cs {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	return m, nil
}

func (m *metrics) searched(source string, total int) {
	m.searches.WithLabelValues(source).Inc()
	if total == 0 {
		m.zeroResults.WithLabelValues(source).Inc()
	}
}

// measure counts and times every request under its route template, so
// that /en/billing/refunds and /uk/account/login share one series.
func (s *Server) measure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		info := &requestInfo{method: r.Method, path: r.URL.Path, robot: isRobot(r.UserAgent()), asYouType: asYouType(r)}
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r.WithContext(context.WithValue(r.Context(), requestInfoKey, info)))
		route := info.route
		if route == "" {
			route = "unmatched"
		}
		method := metricMethod(r.Method)
		s.metrics.requests.WithLabelValues(route, method, strconv.Itoa(rec.status)).Inc()
		s.metrics.latency.WithLabelValues(route, method).Observe(time.Since(start).Seconds())
	})
}

// metricMethod keeps the method label to the methods HTTP defines, so that
// a client sending made-up methods cannot grow the series without bound.
func metricMethod(m string) string {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
		http.MethodDelete, http.MethodOptions:
		return m
	}
	return "OTHER"
}

// nameRoute is router middleware: it runs after matching, when the route
// template is known, and notes it for measure.
func (s *Server) nameRoute(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if info := infoOf(r.Context()); info != nil {
			if t, err := mux.CurrentRoute(r).GetPathTemplate(); err == nil {
				info.route = t
			}
		}
		next.ServeHTTP(w, r)
	})
}

// handleMetrics serves the Prometheus exposition. With an admin token
// configured it is required (as a bearer token), as Meilisearch does.
func (s *Server) handleMetrics() http.Handler {
	h := promhttp.HandlerFor(s.metrics.reg, promhttp.HandlerOpts{})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.adminOn() && !s.adminToken(r) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="spravka metrics"`)
			http.Error(w, "metrics need the admin token: Authorization: Bearer <token>", http.StatusUnauthorized)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// indexCollector reports the articles served per language at scrape time
// and the index size on disk when the server was told how to measure it.
type indexCollector struct {
	s               *Server
	articles, bytes *prometheus.Desc
}

func newIndexCollector(s *Server) indexCollector {
	return indexCollector{s: s,
		articles: prometheus.NewDesc("spravka_index_articles", "Public articles served, by language.", []string{"lang"}, nil),
		bytes:    prometheus.NewDesc("spravka_index_size_bytes", "Size of the search index on disk.", nil, nil)}
}

func (c indexCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.articles
	ch <- c.bytes
}

func (c indexCollector) Collect(ch chan<- prometheus.Metric) {
	for _, lang := range spravka.Languages {
		n := len(c.s.engine.Articles(context.Background(), lang, "", spravka.Public))
		ch <- prometheus.MustNewConstMetric(c.articles, prometheus.GaugeValue, float64(n), lang)
	}
	if c.s.cfg.IndexBytes != nil {
		ch <- prometheus.MustNewConstMetric(c.bytes, prometheus.GaugeValue, float64(c.s.cfg.IndexBytes()))
	}
}
