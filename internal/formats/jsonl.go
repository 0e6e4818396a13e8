package formats

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// parseJSONL reads one JSON object per line.
func parseJSONL(data []byte) ([]Row, error) {
	var rows []Row
	for i, line := range bytes.Split(data, []byte("\n")) {
		n := i + 1
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		if line[0] != '{' {
			return nil, errorAt(n, "not a JSON object")
		}
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(line, &obj); err != nil {
			return nil, errorAt(n, "invalid JSON: %w", err)
		}
		r, err := jsonRow(obj, n)
		if err != nil {
			return nil, err
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// jsonRow builds a Row from the fields of one JSON object.
func jsonRow(obj map[string]json.RawMessage, line int) (Row, error) {
	var r Row
	src, ok := obj["source"]
	if !ok {
		return r, errorAt(line, `missing "source"`)
	}
	if !jsonString(src, &r.Source) {
		return r, errorAt(line, `"source" must be a string`)
	}
	if tgt, ok := obj["target"]; ok && !isNull(tgt) && !jsonString(tgt, &r.Target) {
		return r, errorAt(line, `"target" must be a string`)
	}
	if p, ok := obj["paragraph"]; ok && !isNull(p) {
		n, err := strconv.Atoi(string(p))
		if err != nil || n < 0 {
			return r, errorAt(line, `"paragraph" must be a whole number of 0 or more, not %s`, p)
		}
		r.Paragraph, r.HasParagraph = n, true
	}
	return r, nil
}

// jsonString decodes raw into s and reports whether raw was a JSON string.
func jsonString(raw json.RawMessage, s *string) bool {
	if len(raw) == 0 || raw[0] != '"' {
		return false
	}
	return json.Unmarshal(raw, s) == nil
}

func isNull(raw json.RawMessage) bool {
	return string(raw) == "null"
}
