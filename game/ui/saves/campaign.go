package saves

import (
	"encoding/json"
	"errors"
	"fmt"
)

// A campaign in play is an entry of its own beside the saves
// (campaign-ID.campaign), which the save lists leave out.
const campaignExt = ".campaign"

// maxCampaign bounds a campaign entry read back.
const maxCampaign = 1 << 20

// CampaignName is the entry that keeps the campaign id in play.
func CampaignName(id string) string { return "campaign-" + slug(id, 80) + campaignExt }

// ReadCampaign reads the campaign id in play into v (JSON); ErrNotFound
// when none is kept.
func ReadCampaign(st Storage, id string, v any) error {
	name := CampaignName(id)
	data, err := st.Load(name)
	if err != nil {
		return err
	}
	if len(data) > maxCampaign {
		return fmt.Errorf("%s: %d bytes, more than a campaign keeps (%d)", name, len(data), maxCampaign)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// WriteCampaign keeps the campaign id in play.
func WriteCampaign(st Storage, id string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return st.Save(CampaignName(id), data)
}

// DeleteCampaign forgets the campaign id in play (nothing when none is kept).
func DeleteCampaign(st Storage, id string) error {
	if err := st.Delete(CampaignName(id)); err != nil && !errors.Is(err, ErrNotFound) {
		return err
	}
	return nil
}
