package vn.lantoa.home;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.Units;

/**
 * Trang chủ: who you are, which unit you act for and where it stands in the tree, and what you can do from here,
 * depending on your role.
 */
@Controller
class HomeController {

    private final Units units;

    HomeController(Units units) {
        this.units = units;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user, Model model) {
        Unit unit = units.get(user.unitId());
        List<Unit> ancestors = units.ancestors(unit.id());
        model.addAttribute("user", user);
        model.addAttribute("unit", unit);
        model.addAttribute("ancestors", ancestors);
        model.addAttribute("children", units.children(unit.id()));
        model.addAttribute("subtreeSize", units.countBelow(unit.id()));
        return "home/home";
    }
}
