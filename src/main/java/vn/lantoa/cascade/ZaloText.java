package vn.lantoa.cascade;

import java.time.LocalDate;

/**
 * "Sao chép để gửi Zalo": directions reach officials on Zalo groups today, so every task and plan offers a short
 * plain text (the unit, what is asked, the deadline, a link) ready to paste. Plain text only: Zalo shows no markup,
 * and a link on its own line is made clickable by the app.
 */
public final class ZaloText {

    private ZaloText() {
    }

    /** "[UBND phường An Dương] Nhiệm vụ theo Kế hoạch 354-KH/TU: … Hạn: 10/01/2025.\nhttps://…". */
    public static String task(String unitName, String planSymbol, String text, LocalDate dueOn, String dueText,
            String link) {
        StringBuilder out = new StringBuilder();
        out.append('[').append(unitName).append("] Nhiệm vụ");
        if (planSymbol != null) {
            out.append(" theo Kế hoạch ").append(planSymbol);
        }
        out.append(": ").append(text == null ? "" : text.strip());
        out.append(dueOn != null ? " Hạn: " + Dues.format(dueOn) + "." : dueText != null ? " Hạn: " + dueText + "." : "");
        return out.append('\n').append(link).toString();
    }

    /** "[Thành ủy …] Đề nghị xây dựng kế hoạch thực hiện Kế hoạch 354-KH/TU (…). Hạn: ….\nhttps://…". */
    public static String plan(String unitName, String planSymbol, String planTitle, LocalDate dueOn, String link) {
        StringBuilder out = new StringBuilder();
        out.append('[').append(unitName).append("] Đề nghị xây dựng kế hoạch thực hiện Kế hoạch ")
                .append(planSymbol == null ? "" : planSymbol);
        if (planTitle != null && !planTitle.isBlank()) {
            out.append(" (").append(planTitle.strip()).append(')');
        }
        out.append('.');
        if (dueOn != null) {
            out.append(" Hạn: ").append(Dues.format(dueOn)).append('.');
        }
        return out.append('\n').append(link).toString();
    }
}
