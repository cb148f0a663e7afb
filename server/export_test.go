package server

import "github.com/gorilla/mux"

// Router returns a fresh copy of the server's router, so that tests can
// list its routes and tell which one a request reaches (the leak crawl
// checks that it visits every route).
func Router(s *Server) *mux.Router { return s.router() }
