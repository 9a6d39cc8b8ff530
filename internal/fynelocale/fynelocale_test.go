package fynelocale

import "testing"

func TestNeedsLanguage(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want bool
	}{
		{"nothing set", nil, false},
		{"LANG=C.UTF-8", map[string]string{"LANG": "C.UTF-8"}, true},
		{"LANG=C.utf8", map[string]string{"LANG": "C.utf8"}, true},
		{"LANG=POSIX.UTF-8", map[string]string{"LANG": "POSIX.UTF-8"}, true},
		{"LANG=C is understood", map[string]string{"LANG": "C"}, false},
		{"LANG=POSIX is understood", map[string]string{"LANG": "POSIX"}, false},
		{"a real locale", map[string]string{"LANG": "en_GB.UTF-8"}, false},
		{"LC_ALL wins over LANG", map[string]string{"LC_ALL": "C.UTF-8", "LANG": "de_DE.UTF-8"}, true},
		{"LC_ALL real wins over LANG C", map[string]string{"LC_ALL": "fr_FR.UTF-8", "LANG": "C.UTF-8"}, false},
		{"LC_MESSAGES before LANG", map[string]string{"LC_MESSAGES": "C.UTF-8", "LANG": "en_US.UTF-8"}, true},
		{"LANGUAGE already set", map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "uk:en"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := needsLanguage(func(k string) string { return tt.env[k] })
			if got != tt.want {
				t.Errorf("needsLanguage(%v) = %v, want %v", tt.env, got, tt.want)
			}
		})
	}
}
