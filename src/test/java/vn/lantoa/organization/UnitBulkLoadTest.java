package vn.lantoa.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import vn.lantoa.shared.Problem;

/** Bulk load of units from CSV and XLSX: everything checked first, then all rows in one transaction, or none. */
@SpringBootTest
class UnitBulkLoadTest {

    private static final String HEADER = "key,parent,code,short_name,name,kind,system,valid_from\n";

    @Autowired
    UnitManagement management;

    @Autowired
    Units units;

    final TestActor admin = TestActor.admin();
    String token;
    Unit root;

    @BeforeEach
    void root() {
        token = TestActor.token();
        root = management.create(admin, new NewUnit(null, "Tỉnh ủy " + token, null, UnitKind.PARTY_COMMITTEE, null,
                "TU", LocalDate.of(2020, 1, 1)));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Problem problem(Runnable action) {
        try {
            action.run();
        } catch (Problem p) {
            return p;
        }
        throw new AssertionError("expected a Problem");
    }

    @SuppressWarnings("unchecked")
    private static List<RejectedRow> rejected(Problem problem) {
        assertThat(problem.code()).isEqualTo("BULK_REJECTED");
        assertThat(problem.status()).isEqualTo(422);
        return (List<RejectedRow>) problem.properties().get("rejectedRows");
    }

    private Unit named(String shortName) {
        return units.byShortName(shortName).orElseThrow(() -> new AssertionError("not loaded: " + shortName));
    }

    /** How many units of this test exist below the root. */
    private long loaded() {
        return units.countBelow(root.id());
    }

    @Test
    void aCsvFileLoadsWithParentsFromTheFileAndFromTheTree() {
        String csv = "\uFEFF" + HEADER
                // the child comes before its parent in the file
                + "p1,tp," + "TU,Đảng ủy phường 1 " + token + ",Đảng ủy phường 1 " + token + ",Cấp ủy,,01/07/2025\n"
                + "tp,#" + root.id() + ",TU,Thành ủy " + token + ",Thành ủy " + token + ",PARTY_COMMITTEE,PARTY,2020-01-01\n"
                + "ub,tp,ubnd,UBND " + token + ",\"Ủy ban nhân dân thành phố, " + token + "\",Ủy ban nhân dân,,\n"
                + "f,ub,,Phòng " + token + ",=HYPERLINK(\"http://x.vn\";\"bấm\") " + token + ",co quan chuyen mon,Nhà nước,\n";

        BulkLoadResult result = management.bulkLoad(admin, "don-vi.csv", utf8(csv), null);

        assertThat(result.created()).isEqualTo(4);
        Unit city = named("Thành ủy " + token);
        Unit ward = named("Đảng ủy phường 1 " + token);
        Unit committee = named("UBND " + token);
        Unit office = named("Phòng " + token);
        assertThat(result.createdIds()).containsExactly(ward.id(), city.id(), committee.id(), office.id());
        assertThat(city.parentId()).isEqualTo(root.id());
        assertThat(ward.parentId()).isEqualTo(city.id());
        assertThat(ward.path()).isEqualTo(city.path() + ward.id() + "/");
        assertThat(committee.name()).isEqualTo("Ủy ban nhân dân thành phố, " + token);
        assertThat(committee.code()).isEqualTo("UBND");
        assertThat(committee.kind()).isEqualTo(UnitKind.PEOPLES_COMMITTEE);
        assertThat(committee.system()).isEqualTo(UnitSystem.STATE);
        assertThat(office.kind()).isEqualTo(UnitKind.SPECIALISED_OFFICE);
        // a formula is stored as the text it is, never evaluated
        assertThat(office.name()).isEqualTo("=HYPERLINK(\"http://x.vn\";\"bấm\") " + token);
        assertThat(units.asOf(ward.id(), LocalDate.of(2025, 6, 30))).isEmpty();
        assertThat(units.asOf(ward.id(), LocalDate.of(2025, 7, 1))).isPresent();
        assertThat(units.asOf(city.id(), LocalDate.of(2020, 1, 1))).isPresent();
        assertThat(loaded()).isEqualTo(4);
    }

    @Test
    void oneBadRowAmongManyLoadsNothingAndTheReportNamesIt() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 40; i++) {
            String kind = i == 17 ? "Hợp tác xã" : "RESIDENTIAL_GROUP";
            csv.append("t").append(i).append(",#").append(root.id()).append(",,Tổ dân phố ").append(i).append(' ')
                    .append(token).append(",Tổ dân phố ").append(i).append(' ').append(token).append(',').append(kind)
                    .append(",,\n");
        }

        Problem problem = problem(() -> management.bulkLoad(admin, "to-dan-pho.csv", utf8(csv.toString()), null));

        List<RejectedRow> rows = rejected(problem);
        // the header is row 1, so the 17th unit is on row 18
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.row()).isEqualTo(18);
            assertThat(r.reason()).contains("Hợp tác xã").contains("không hợp lệ");
        });
        assertThat(loaded()).isZero();
        assertThat(units.search("to dan pho " + token, null, true, 100)).isEmpty();
    }

    @Test
    void everyKindOfBadRowIsReportedWithItsReason() {
        Unit closed = management.create(admin, new NewUnit(root.id(), "Đã giải thể " + token, null, UnitKind.OTHER,
                null, null, LocalDate.of(2020, 1, 1)));
        management.close(admin, closed.id(), closed.version(), null);
        String csv = HEADER
                + "a,#" + root.id() + ",,A " + token + ",A " + token + ",OTHER,,\n"                 // 2 fine
                + "a,#" + root.id() + ",,A2 " + token + ",A2 " + token + ",OTHER,,\n"               // 3 key used twice
                + "b,khong-co-" + token + ",,B " + token + ",B " + token + ",OTHER,,\n"             // 4 no such parent
                + "c,d,,C " + token + ",C " + token + ",OTHER,,\n"                                  // 5 cycle c → d → c
                + "d,c,,D " + token + ",D " + token + ",OTHER,,\n"                                  // 6 cycle
                + "e,e,,E " + token + ",E " + token + ",OTHER,,\n"                                  // 7 its own parent
                + "f,#" + root.id() + ",,F " + token + ",,OTHER,,\n"                                // 8 no name
                + "g,#" + root.id() + ",,G " + token + ",G " + token + ",,,\n"                      // 9 no kind
                + "h,#" + root.id() + ",K/TU,H " + token + ",H " + token + ",OTHER,,\n"             // 10 bad code
                + "i,#" + root.id() + ",,I " + token + ",I " + token + ",OTHER,,31/02/2025\n"       // 11 bad date
                + "j,#" + root.id() + ",,J " + token + ",J " + token + ",OTHER,Quân đội,\n"        // 12 bad system
                + "k,#" + closed.id() + ",,K " + token + ",K " + token + ",OTHER,,\n"               // 13 closed parent
                + "l,,,L " + token + ",L " + token + ",OTHER,,01/01/2099\n";                        // 14 future date

        List<RejectedRow> rows = rejected(problem(() -> management.bulkLoad(admin, "x.csv", utf8(csv), null)));

        assertThat(rows).extracting(RejectedRow::row).containsExactly(3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
        assertThat(rows.get(0).reason()).contains("trùng").contains("dòng 2");
        assertThat(rows.get(1).reason()).contains("Không tìm thấy đơn vị cấp trên");
        assertThat(rows.get(2).reason()).contains("Vòng lặp");
        assertThat(rows.get(3).reason()).contains("Vòng lặp");
        assertThat(rows.get(4).reason()).contains("chính nó");
        assertThat(rows.get(5).reason()).contains("Tên đơn vị");
        assertThat(rows.get(6).reason()).contains("loại đơn vị");
        assertThat(rows.get(7).reason()).contains("Ký hiệu");
        assertThat(rows.get(8).reason()).contains("31/02/2025");
        assertThat(rows.get(9).reason()).contains("Quân đội");
        assertThat(rows.get(10).reason()).contains("giải thể");
        assertThat(rows.get(11).reason()).contains("sau ngày hôm nay");
        assertThat(loaded()).isEqualTo(1); // the closed unit made above, nothing from the file
    }

    @Test
    void aUnitAdministratorLoadsOnlyIntoTheOwnSubtree() {
        Unit own = management.create(admin, new NewUnit(root.id(), "UBND " + token, null,
                UnitKind.PEOPLES_COMMITTEE, null, null, null));
        Unit other = management.create(admin, new NewUnit(root.id(), "Mặt trận " + token, null,
                UnitKind.FATHERLAND_FRONT, null, null, null));
        TestActor unitAdmin = TestActor.unitAdmin(own);
        String outside = HEADER + "a,#" + other.id() + ",,A " + token + ",A " + token + ",OTHER,,\n"
                + "b,,,B " + token + ",B " + token + ",OTHER,,\n";

        List<RejectedRow> rows = rejected(problem(() -> management.bulkLoad(unitAdmin, "x.csv", utf8(outside), null)));

        assertThat(rows).extracting(RejectedRow::row).containsExactly(2, 3);
        assertThat(rows.get(0).reason()).contains("ngoài phạm vi");
        assertThat(rows.get(1).reason()).contains("cấp trên");
        assertThat(problem(() -> management.bulkLoad(unitAdmin, "x.csv", utf8(outside), other.id())).code())
                .isEqualTo("FORBIDDEN");
        assertThat(problem(() -> management.bulkLoad(TestActor.reader(own), "x.csv", utf8(outside), own.id())).code())
                .isEqualTo("FORBIDDEN");
        assertThat(loaded()).isEqualTo(2);

        // inside: rows without a parent go under the default parent
        BulkLoadResult ok = management.bulkLoad(unitAdmin, "x.csv",
                utf8("name;kind\nTổ dân phố 1 " + token + ";Tổ dân phố\n"), own.id());
        assertThat(units.get(ok.createdIds().get(0)).parentId()).isEqualTo(own.id());
    }

    @Test
    void anXlsxFileLoadsWithFormulasAsTextAndDatesFromDateCells() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Đơn vị");
            String[] header = { "Khóa", "Cấp trên", "Ký hiệu", "Tên ngắn", "Tên đầy đủ", "Loại", "Hệ thống",
                    "Hiệu lực từ" };
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                head.createCell(i).setCellValue(header[i]);
            }
            Row city = sheet.createRow(1);
            city.createCell(0).setCellValue("tp");
            city.createCell(1).setCellValue("#" + root.id());
            city.createCell(2).setCellValue("UBND");
            city.createCell(3).setCellValue("UBND thành phố " + token);
            city.createCell(4).setCellValue("Ủy ban nhân dân thành phố " + token);
            city.createCell(5).setCellValue("Ủy ban nhân dân");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            city.createCell(7).setCellValue(LocalDate.of(2021, 5, 3));
            city.getCell(7).setCellStyle(date);
            Row link = sheet.createRow(3); // an empty row in between is skipped
            link.createCell(0).setCellValue("lk");
            link.createCell(1).setCellValue("tp");
            link.createCell(2).setCellValue(35); // a number typed as a code
            link.createCell(3).setCellValue("Liên kết " + token);
            link.createCell(4).setCellFormula("HYPERLINK(\"http://x.vn\",\"bấm\")");
            link.createCell(5).setCellValue("OTHER");
            workbook.write(out);
            xlsx = out.toByteArray();
        }

        BulkLoadResult result = management.bulkLoad(admin, "don-vi.xlsx", xlsx, null);

        assertThat(result.created()).isEqualTo(2);
        Unit city = named("UBND thành phố " + token);
        Unit link = named("Liên kết " + token);
        assertThat(city.parentId()).isEqualTo(root.id());
        assertThat(city.kind()).isEqualTo(UnitKind.PEOPLES_COMMITTEE);
        assertThat(units.history(city.id())).singleElement()
                .satisfies(v -> assertThat(v.validFrom()).isEqualTo(LocalDate.of(2021, 5, 3)));
        assertThat(link.parentId()).isEqualTo(city.id());
        assertThat(link.name()).isEqualTo("=HYPERLINK(\"http://x.vn\",\"bấm\")");
        assertThat(link.code()).isEqualTo("35");
    }

    @Test
    void aBadXlsxRowLoadsNothing() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet();
            Row head = sheet.createRow(0);
            head.createCell(0).setCellValue("parent");
            head.createCell(1).setCellValue("name");
            head.createCell(2).setCellValue("kind");
            for (int i = 1; i <= 10; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue("#" + root.id());
                row.createCell(1).setCellValue("Chi bộ " + i + " " + token);
                row.createCell(2).setCellValue(i == 10 ? "" : "Chi bộ");
            }
            workbook.write(out);
            xlsx = out.toByteArray();
        }

        List<RejectedRow> rows = rejected(problem(() -> management.bulkLoad(admin, "x.xlsx", xlsx, null)));

        assertThat(rows).extracting(RejectedRow::row).containsExactly(11);
        assertThat(loaded()).isZero();
    }

    @Test
    void anXlsxZipBombIsRefusedBeforeItIsInflated() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(utf8("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                    + "content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 50; i++) {
                zip.write(spaces); // 50 MB of blanks deflate to about 50 kB
            }
        }
        byte[] bomb = bytes.toByteArray();
        assertThat(bomb.length).isLessThan(UnitFiles.MAX_BYTES);

        Problem problem = problem(() -> management.bulkLoad(admin, "bom.xlsx", bomb, root.id()));

        assertThat(problem.code()).isEqualTo("BULK_FILE_UNREADABLE");
        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.defaultMessage()).containsIgnoringCase("zip bomb");
        assertThat(loaded()).isZero();
    }

    @Test
    void anXlsxThatInflatesBeyondTheLimitIsRefusedEvenAtAnOrdinaryRatio() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        java.util.Random random = new java.util.Random(7);
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            // two parts, each below the limit for one part, together above the limit for the package
            for (int part = 1; part <= 2; part++) {
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + part + ".xml"));
                byte[] chunk = new byte[1024 * 1024];
                for (int mb = 0; mb < UnitFiles.MAX_XLSX_INFLATED_BYTES / chunk.length / 2 + 2; mb++) {
                    java.util.Arrays.fill(chunk, (byte) ' ');
                    for (int i = 0; i < chunk.length; i += 12) {
                        chunk[i] = (byte) ('0' + random.nextInt(10)); // enough noise to deflate only about 1:30
                    }
                    zip.write(chunk);
                }
            }
        }
        byte[] large = bytes.toByteArray();
        assertThat(large.length).isLessThan(UnitFiles.MAX_BYTES);
        assertThat((double) large.length / UnitFiles.MAX_XLSX_INFLATED_BYTES).isGreaterThan(0.02);

        Problem problem = problem(() -> management.bulkLoad(admin, "lon.xlsx", large, root.id()));

        assertThat(problem.code()).isEqualTo("BULK_FILE_UNREADABLE");
        assertThat(problem.defaultMessage()).containsIgnoringCase("zip bomb");
        assertThat(loaded()).isZero();
    }

    @Test
    void filesThatAreNotUtf8OrTooLargeOrEmptyAreRefusedWhole() {
        byte[] latin1 = (HEADER + "a,#" + root.id() + ",,Tổ " + token + ",Tổ " + token + ",OTHER,,\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        latin1[latin1.length - 20] = (byte) 0xE0; // a lone Latin-1 byte is no UTF-8
        assertThat(problem(() -> management.bulkLoad(admin, "x.csv", latin1, null)).code())
                .isEqualTo("BULK_FILE_UNREADABLE");
        assertThat(problem(() -> management.bulkLoad(admin, "x.csv", new byte[UnitFiles.MAX_BYTES + 1], null))
                .code()).isEqualTo("BULK_FILE_TOO_LARGE");
        assertThat(problem(() -> management.bulkLoad(admin, "x.csv", utf8(HEADER), null)).code())
                .isEqualTo("BULK_FILE_EMPTY");
        assertThat(problem(() -> management.bulkLoad(admin, "x.csv", utf8("ten,ma\nA,B\n"), null)).code())
                .isEqualTo("BULK_FILE_UNREADABLE");
        assertThat(problem(() -> management.bulkLoad(admin, "x.xls", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11,
                (byte) 0xE0, 0, 0 }, null)).code()).isEqualTo("BULK_FILE_TYPE");
        assertThat(loaded()).isZero();
    }
}
