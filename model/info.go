package model

// WorkspaceInfo describes a workspace file for `dossier info`.
type WorkspaceInfo struct {
	Path          string       `json:"path"`
	SchemaVersion int          `json:"schema_version"`
	SizeBytes     int64        `json:"size_bytes"`
	Tables        []TableCount `json:"tables"`
}

// TableCount is the number of rows in one table.
type TableCount struct {
	Table string `json:"table"`
	Rows  int64  `json:"rows"`
}
