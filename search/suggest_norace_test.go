//go:build !race

package search_test

// calibrationStride: without the race detector every query is run.
const calibrationStride = 1
