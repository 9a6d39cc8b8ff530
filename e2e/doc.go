// Package e2e tests the real dossier binary from the outside: it builds it,
// runs its command line, and opens its window on a virtual X display.
// The tests run only with DOSSIER_E2E=1 (make test sets it), as they need
// Xvfb, xdotool and ImageMagick.
package e2e
