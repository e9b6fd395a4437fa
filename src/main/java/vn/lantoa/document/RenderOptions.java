package vn.lantoa.document;

/**
 * What a rendering needs beyond the plan itself.
 *
 * @param superior     the governing body printed above the issuer (cơ quan chủ quản, cấp ủy cấp trên): "ĐẢNG BỘ TỈNH
 *                     NINH THUẬN", "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG"; null for none
 * @param draftingUnit the drafting unit's abbreviation in the State archive line "Lưu: VT, VHXH."; null when unknown
 */
public record RenderOptions(String superior, String draftingUnit) {

    public static final RenderOptions NONE = new RenderOptions(null, null);
}
