package vn.lantoa.cascade.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.servlet.http.HttpServletResponse;
import vn.lantoa.account.CurrentUser;
import vn.lantoa.cascade.CascadeCoverage;
import vn.lantoa.cascade.CascadeDerive;
import vn.lantoa.cascade.CascadeLevel;
import vn.lantoa.cascade.CascadeNode;
import vn.lantoa.cascade.CascadeState;
import vn.lantoa.cascade.ZaloText;
import vn.lantoa.cascade.CascadeView;
import vn.lantoa.cascade.Derivation;

/** The cascade page of a plan, its XLSX export, and the "Xây dựng kế hoạch thực hiện" button's target. */
@Controller
class CascadePages {

    private static final java.time.format.DateTimeFormatter DMY = java.time.format.DateTimeFormatter
            .ofPattern("dd/MM/yyyy");

    private final CascadeDerive derive;
    private final CascadeView view;
    private final CascadeCoverage coverage;
    private final MessageSource messages;

    CascadePages(CascadeDerive derive, CascadeView view, CascadeCoverage coverage, MessageSource messages) {
        this.derive = derive;
        this.view = view;
        this.coverage = coverage;
        this.messages = messages;
    }

    @GetMapping("/plans/{id}/coverage")
    @PreAuthorize("isAuthenticated()")
    String coverage(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("coverage", coverage.of(user, id));
        model.addAttribute("sections", java.util.List.of("phases", "themes", "channels", "tasks"));
        return "cascade/coverage";
    }

    @PostMapping("/plans/{id}/derive")
    @PreAuthorize("isAuthenticated()")
    String derive(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        Derivation d = derive.derive(user, id, null);
        return "redirect:/plans/" + d.planId();
    }

    @GetMapping("/plans/{id}/cascade")
    @PreAuthorize("isAuthenticated()")
    String cascade(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) Long node, @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "0") int offset, Model model) {
        CascadeLevel level = view.level(user, id, node, state, offset);
        model.addAttribute("level", level);
        Map<Long, String> zalo = new HashMap<>();
        for (CascadeNode n : level.children()) {
            if (n.state() == CascadeState.MISSING || n.state() == CascadeState.DRAFT) {
                zalo.put(n.unitId(), ZaloText.plan(n.unitName(), n.planSymbol(), null, n.dueOn(),
                        ServletUriComponentsBuilder.fromCurrentContextPath().path("/tasks")
                                .queryParam("unit", n.unitId()).toUriString()));
            }
        }
        model.addAttribute("zalo", zalo);
        model.addAttribute("node", node);
        model.addAttribute("states", java.util.List.of("LATE", "OVERDUE", "MISSING", "DRAFT", "ON_TIME"));
        return "cascade/cascade";
    }

    @GetMapping("/plans/{id}/cascade/export")
    @PreAuthorize("isAuthenticated()")
    void export(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        java.util.Locale vi = java.util.Locale.forLanguageTag("vi");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet(messages.getMessage("cascade.export.sheet", null, vi));
            Row header = sheet.createRow(0);
            String[] columns = {"level", "unit", "plan", "state", "due", "issuedOn", "derived"};
            for (int i = 0; i < columns.length; i++) {
                header.createCell(i).setCellValue(messages.getMessage("cascade.export." + columns[i], null, vi));
            }
            AtomicInteger at = new AtomicInteger(1);
            view.each(user, id, n -> {
                Row row = sheet.createRow(at.getAndIncrement());
                row.createCell(0).setCellValue(n.level() + 1);
                row.createCell(1).setCellValue(n.unitName());
                row.createCell(2).setCellValue(n.planSymbol() == null ? "" : n.planSymbol());
                row.createCell(3).setCellValue(messages.getMessage("cascade.state." + n.state()
                        + (n.overdue() ? ".overdue" : ""), null, vi));
                row.createCell(4).setCellValue(n.dueOn() == null ? "" : DMY.format(n.dueOn()));
                row.createCell(5).setCellValue(n.issuedOn() == null ? "" : DMY.format(n.issuedOn()));
                row.createCell(6).setCellValue(n.derivedSymbol() == null ? "" : n.derivedSymbol());
            });
            response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            response.setHeader("Content-Disposition", "attachment; filename=\"phan-cap-ke-hoach-" + id + ".xlsx\"");
            try (OutputStream out = response.getOutputStream()) {
                workbook.write(out);
            }
            workbook.dispose();
        }
    }
}
