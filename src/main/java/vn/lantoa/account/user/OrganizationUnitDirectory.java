package vn.lantoa.account.user;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.lantoa.organization.Unit;
import vn.lantoa.organization.Units;

/** The unit tree as the organization module keeps it. */
@Component
class OrganizationUnitDirectory implements UnitDirectory {

    private final Units units;

    OrganizationUnitDirectory(Units units) {
        this.units = units;
    }

    @Override
    public Optional<Unit> find(long id) {
        return units.byId(id);
    }

    @Override
    public List<Unit> findByShortName(String shortName) {
        return units.withShortName(shortName, true);
    }

    @Override
    public List<Unit> subtree(long unitId) {
        return units.byId(unitId).map(unit -> units.subtree(unitId)).orElse(List.of());
    }

    @Override
    public List<Unit> all() {
        return units.roots().stream().flatMap(root -> units.subtree(root.id()).stream())
                .sorted(Comparator.comparing(Unit::path)).toList();
    }
}
