package saves

import (
	"errors"
	"fmt"
	"strings"
)

// Scenarios a player opened from a file are kept beside the saves, so that
// a save or autosave of a battle on one reloads after a restart: the
// scenario file as it was read, as scenario-ID.yaml, and the catalogue
// found beside it (none when it is a built-in one) as
// scenario-ID.catalogue.yaml. At most MaxKeptScenarios are kept, each at
// most MaxKeptScenarioSize bytes a file: keeping one more replaces the one
// kept longest ago.

// KeptScenario is a scenario file a player opened, as kept.
type KeptScenario struct {
	ID            string // the scenario's id
	Data          []byte // the scenario file
	CatalogueData []byte // the catalogue found beside it; nil for a built-in one
}

// Bounds of the kept scenarios.
const (
	MaxKeptScenarios    = 16
	MaxKeptScenarioSize = 1 << 20 // bytes of a file (scenario.MaxFileSize)
)

const (
	keptPrefix    = "scenario-"
	keptExt       = ".yaml"
	keptCatalogue = ".catalogue.yaml"
)

// KeptScenarioName is the entry a scenario of that id is kept in.
func KeptScenarioName(id string) string { return keptPrefix + id + keptExt }

func keptCatalogueName(id string) string { return keptPrefix + id + keptCatalogue }

// KeepScenario keeps a scenario a player opened (replacing one kept of its
// id); when MaxKeptScenarios are kept already, the one kept longest ago
// goes.
func KeepScenario(st Storage, k KeptScenario) error {
	name := KeptScenarioName(k.ID)
	if err := validSaveName(keptCatalogueName(k.ID)); err != nil || k.ID == "" {
		return fmt.Errorf("keeping scenario %q: not a plain file name", k.ID)
	}
	if len(k.Data) > MaxKeptScenarioSize || len(k.CatalogueData) > MaxKeptScenarioSize {
		return fmt.Errorf("keeping scenario %q: a file is larger than the limit of %d bytes", k.ID, MaxKeptScenarioSize)
	}
	ids, err := keptIDs(st)
	if err != nil {
		return fmt.Errorf("keeping scenario %q: %w", k.ID, err)
	}
	others := 0
	for _, id := range ids {
		if id != k.ID {
			others++
		}
	}
	// Oldest last: drop the oldest until there is room.
	for i := len(ids) - 1; i >= 0 && others >= MaxKeptScenarios; i-- {
		if ids[i] == k.ID {
			continue
		}
		if err := forgetScenario(st, ids[i]); err != nil {
			return fmt.Errorf("keeping scenario %q: %w", k.ID, err)
		}
		others--
	}
	if k.CatalogueData != nil {
		if err := st.Save(keptCatalogueName(k.ID), k.CatalogueData); err != nil {
			return fmt.Errorf("keeping scenario %q: %w", k.ID, err)
		}
	} else if err := st.Delete(keptCatalogueName(k.ID)); err != nil && !errors.Is(err, ErrNotFound) {
		return fmt.Errorf("keeping scenario %q: %w", k.ID, err)
	}
	if err := st.Save(name, k.Data); err != nil {
		return fmt.Errorf("keeping scenario %q: %w", k.ID, err)
	}
	return nil
}

// forgetScenario deletes a kept scenario and its catalogue.
func forgetScenario(st Storage, id string) error {
	for _, n := range []string{KeptScenarioName(id), keptCatalogueName(id)} {
		if err := st.Delete(n); err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
	}
	return nil
}

// keptIDs lists the ids of the kept scenarios, newest first.
func keptIDs(st Storage) ([]string, error) {
	list, err := st.List()
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, e := range list {
		id, ok := strings.CutPrefix(e.Name, keptPrefix)
		if !ok || !strings.HasSuffix(id, keptExt) || strings.HasSuffix(id, keptCatalogue) {
			continue
		}
		ids = append(ids, strings.TrimSuffix(id, keptExt))
	}
	return ids, nil
}

// KeptScenarios reads the kept scenarios, newest first; one that does not
// read is an error of its own (errors.Join), the others still read.
func KeptScenarios(st Storage) ([]KeptScenario, error) {
	ids, err := keptIDs(st)
	if err != nil {
		return nil, fmt.Errorf("the kept scenarios: %w", err)
	}
	var out []KeptScenario
	var errs []error
	for _, id := range ids {
		k := KeptScenario{ID: id}
		if k.Data, err = loadBounded(st, KeptScenarioName(id)); err != nil {
			errs = append(errs, err)
			continue
		}
		k.CatalogueData, err = loadBounded(st, keptCatalogueName(id))
		if err != nil && !errors.Is(err, ErrNotFound) {
			errs = append(errs, err)
			continue
		}
		out = append(out, k)
	}
	return out, errors.Join(errs...)
}

// loadBounded loads an entry of at most MaxKeptScenarioSize bytes.
func loadBounded(st Storage, name string) ([]byte, error) {
	b, err := st.Load(name)
	if err != nil {
		return nil, err
	}
	if len(b) > MaxKeptScenarioSize {
		return nil, fmt.Errorf("%s: %d bytes, more than the limit of %d", name, len(b), MaxKeptScenarioSize)
	}
	return b, nil
}
