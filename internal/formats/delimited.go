package formats

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// parseTSV reads tab-separated records, one per line, with a header first.
func parseTSV(data []byte) ([]Row, error) {
	var (
		rows   []Row
		cols   columns
		header bool
	)
	for i, line := range strings.Split(string(data), "\n") {
		n := i + 1
		fields := strings.Split(strings.TrimSuffix(line, "\r"), "\t")
		if allEmpty(fields) {
			continue
		}
		if !header {
			var err error
			if cols, err = readHeader(fields, n); err != nil {
				return nil, err
			}
			header = true
			continue
		}
		for j, f := range fields {
			fields[j] = unescapeTSV(f)
		}
		r, err := cols.row(fields, n)
		if err != nil {
			return nil, err
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// unescapeTSV turns \t, \n, \r and \\ into the characters they stand for and
// keeps any other backslash as it is.
func unescapeTSV(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' && i+1 < len(s) {
			var out byte
			switch s[i+1] {
			case 't':
				out = '\t'
			case 'n':
				out = '\n'
			case 'r':
				out = '\r'
			case '\\':
				out = '\\'
			}
			if out != 0 {
				b.WriteByte(out)
				i++
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// parseCSV reads RFC 4180 records with a header first.
func parseCSV(data []byte) ([]Row, error) {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1 // counts are checked against the header below
	var (
		rows   []Row
		cols   columns
		header bool
	)
	for {
		fields, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(err)
		}
		if allEmpty(fields) {
			continue
		}
		n, _ := cr.FieldPos(0)
		if !header {
			if cols, err = readHeader(fields, n); err != nil {
				return nil, err
			}
			header = true
			continue
		}
		r, err := cols.row(fields, n)
		if err != nil {
			return nil, err
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// csvError rewrites an encoding/csv error in words a person understands.
func csvError(err error) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return fmt.Errorf("read csv: %w", err)
	}
	// The messages replace those of encoding/csv, which name its internals.
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return errorAt(pe.Line, `column %d: a " inside a field that is not quoted `+
			`(quote the whole field and double every " inside it)`, pe.Column)
	case errors.Is(pe.Err, csv.ErrQuote):
		return errorAt(pe.StartLine, `a quoted field is not closed, or has a stray " `+
			`(double every " inside a quoted field)`)
	}
	return errorAt(pe.Line, "%w", pe.Err)
}
