// Package fynelocale keeps Fyne from logging a locale error at start-up.
//
// Fyne reads the user's language from LC_ALL, LC_MESSAGES or LANG while its
// packages initialise, before main runs. "C" and "POSIX" it understands,
// but "C.UTF-8" — the default of many containers and CI machines — it
// takes for a language named "C", and prints a three-line error on stderr,
// which would break the command line's one-line errors. Fyne consults
// LANGUAGE first in that case, so setting LANGUAGE=en fixes it; the C
// library ignores LANGUAGE under the C locale, so nothing else changes.
//
// main imports this package for its side effect. Go initialises packages
// in import-path order once their own imports are ready, and this one
// needs only os and strings, so it runs before any Fyne package.
package fynelocale

import (
	"os"
	"strings"
)

func init() {
	if needsLanguage(os.Getenv) {
		_ = os.Setenv("LANGUAGE", "en")
	}
}

// needsLanguage reports whether the locale Fyne will read is a C or POSIX
// locale with an encoding suffix, and LANGUAGE does not already say better.
func needsLanguage(getenv func(string) string) bool {
	if getenv("LANGUAGE") != "" {
		return false
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if value := getenv(name); value != "" {
			base, _, hasSuffix := strings.Cut(value, ".")
			return hasSuffix && (base == "C" || base == "POSIX")
		}
	}
	return false
}
