package vn.lantoa.activity;

import vn.lantoa.planformat.ChannelKind;

/**
 * Chỉ tiêu: one measured output of the catalogue ("Băng rôn", counted in "cái"), under the channel it belongs to.
 *
 * @param code      stable code ({@code banners}); never reused
 * @param channel   the channel it is listed under
 * @param name      the Vietnamese name
 * @param unitLabel đơn vị tính ("cái", "người", "tin, bài")
 * @param position  order within the channel
 * @param builtin   shipped with Lan Tỏa (false: added by an administrator)
 * @param active    offered for new activities
 */
public record Indicator(String code, ChannelKind channel, String name, String unitLabel, int position, boolean builtin,
        boolean active) {
}
