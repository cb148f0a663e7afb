//go:build race

package search_test

// calibrationStride thins the calibration queries under the race detector,
// which makes every query about four times slower; every third query still
// gives the promise a few hundred confident answers to stand on.
const calibrationStride = 3
