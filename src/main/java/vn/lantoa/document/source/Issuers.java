package vn.lantoa.document.source;

import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

import vn.lantoa.document.RenderOptions;
import vn.lantoa.document.layout.Words;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.UnitKind;
import vn.lantoa.organization.UnitSystem;
import vn.lantoa.planformat.DocumentSystem;
import vn.lantoa.planformat.Signer;

/**
 * What the organization tree says about an issuing unit's documents: the governing body printed above it (cơ quan
 * chủ quản; for the Party, the Party organisation of the committee above), the drafting unit of the State archive
 * line, the place before the date, the form (Party or State) and who signs on its behalf.
 */
public final class Issuers {

    /** "Tỉnh ủy Ninh Thuận" → "tỉnh Ninh Thuận": the Party organisation (Đảng bộ) a committee leads. */
    private static final List<String[]> COMMITTEES = List.of(new String[] {"Tỉnh ủy ", "tỉnh "},
            new String[] {"Thành ủy ", "thành phố "}, new String[] {"Huyện ủy ", "huyện "},
            new String[] {"Thị ủy ", "thị xã "}, new String[] {"Quận ủy ", "quận "}, new String[] {"Đảng ủy ", ""});

    /** The words before a place name in a unit's name, the most local last. */
    private static final List<String> PLACE_WORDS = List.of("Tỉnh ủy ", "Thành ủy ", "Huyện ủy ", "Thị ủy ",
            "Quận ủy ", " tỉnh ", " thành phố ", " huyện ", " thị xã ", " quận ", " đặc khu ", " phường ", " xã ",
            " thị trấn ");

    private final LongFunction<Optional<Unit>> units;

    /** @param units the organization tree by id ({@code Units::byId}) */
    public Issuers(LongFunction<Optional<Unit>> units) {
        this.units = units;
    }

    /** For a plan the system knows: governing body and drafting unit from its issuer's place in the tree. */
    public RenderOptions planOptions(long issuerUnitId) {
        return units.apply(issuerUnitId).map(u -> new RenderOptions(governingBody(u), draftingUnit(u)))
                .orElse(RenderOptions.NONE);
    }

    public Optional<Unit> unit(long id) {
        return units.apply(id);
    }

    /**
     * The body printed above the issuer, or null: for the State, the direct governing body of an office (a People's
     * Committee prints none); for the Party, the Party organisation of the committee above a committee ("Đảng bộ
     * tỉnh Ninh Thuận" above "Thành ủy Phan Rang - Tháp Chàm"; none under the national root), the committee itself
     * above its boards; fronts and mass organisations print none.
     */
    public String governingBody(Unit unit) {
        if (unit.parentId() == null) {
            return null;
        }
        Unit parent = units.apply(unit.parentId()).orElse(null);
        if (parent == null) {
            return null;
        }
        return switch (unit.system()) {
            case STATE -> unit.kind() == UnitKind.PEOPLES_COMMITTEE ? null : parent.name();
            case PARTY -> {
                if (unit.kind() == UnitKind.PARTY_BOARD) {
                    yield parent.name();
                }
                yield parent.kind() == UnitKind.PARTY_COMMITTEE ? partyOrganisation(parent.name()) : null;
            }
            default -> null;
        };
    }

    static String partyOrganisation(String committee) {
        for (String[] c : COMMITTEES) {
            if (committee.startsWith(c[0])) {
                return "Đảng bộ " + c[1] + committee.substring(c[0].length());
            }
        }
        return null; // the national root (Ban Chấp hành Trung ương): nothing above a provincial committee
    }

    /** The drafting unit's abbreviation in "Lưu: VT, …": the unit's code, else its short name. */
    public static String draftingUnit(Unit unit) {
        if (unit.code() != null && !unit.code().isBlank()) {
            return unit.code().strip();
        }
        return unit.shortName() == null || unit.shortName().isBlank() ? null : unit.shortName().strip();
    }

    /** The place before the date: the name after the last administrative word ("… phường Kinh Dinh" → "Kinh Dinh"). */
    public static String place(Unit unit) {
        String name = unit.name();
        int best = -1;
        int end = -1;
        for (String w : PLACE_WORDS) {
            int at = name.lastIndexOf(w);
            if (at >= 0 && at + w.length() > end) {
                best = at;
                end = at + w.length();
            }
        }
        return best < 0 ? null : name.substring(end).strip();
    }

    /** Party form for Party units, the State's (Nghị định 30) for the others. */
    public static DocumentSystem system(Unit unit) {
        return unit.system() == UnitSystem.PARTY ? DocumentSystem.PARTY : DocumentSystem.STATE;
    }

    /** Who signs a report of the unit: the authority and position by its kind; the name is left to write. */
    public static Signer signer(Unit unit) {
        return switch (unit.kind()) {
            case PARTY_COMMITTEE -> new Signer(null, null, Words.get("signer.partyCommittee"));
            case PARTY_CELL -> new Signer(null, null, Words.get("signer.partyCell"));
            case PEOPLES_COMMITTEE -> new Signer(null, Words.get("signer.peoplesCommittee.position"),
                    Words.get("signer.peoplesCommittee"));
            case PARTY_BOARD -> new Signer(null, Words.get("signer.board.position"), null);
            default -> new Signer(null, Words.get("signer.head.position"), null);
        };
    }
}
