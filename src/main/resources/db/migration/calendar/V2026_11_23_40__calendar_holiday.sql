-- Ngày nghỉ lễ, tết: the public holidays that move deadlines (Bộ luật Dân sự 2015, Điều 148). Weekends are not stored.
-- Kept by the system administrator: Tết and the days swapped around holidays are decided every year by the Government.
create table holiday (
    holiday_date date         not null primary key,
    name       varchar(200) not null,
    created_at timestamp with time zone default current_timestamp not null
);

-- Fixed-date holidays of Bộ luật Lao động 2019, Điều 112, and the Tết and Giỗ Tổ days announced for 2025 and 2026.
-- The administrator checks and completes these each year (the screen shows where they come from).
insert into holiday (holiday_date, name) values
    ('2025-01-01', 'Tết Dương lịch'),
    ('2025-01-25', 'Tết Nguyên đán'), ('2025-01-26', 'Tết Nguyên đán'), ('2025-01-27', 'Tết Nguyên đán'),
    ('2025-01-28', 'Tết Nguyên đán'), ('2025-01-29', 'Tết Nguyên đán'), ('2025-01-30', 'Tết Nguyên đán'),
    ('2025-01-31', 'Tết Nguyên đán'), ('2025-02-01', 'Tết Nguyên đán'), ('2025-02-02', 'Tết Nguyên đán'),
    ('2025-04-07', 'Giỗ Tổ Hùng Vương'),
    ('2025-04-30', 'Ngày Chiến thắng'), ('2025-05-01', 'Ngày Quốc tế lao động'),
    ('2025-09-01', 'Quốc khánh'), ('2025-09-02', 'Quốc khánh'),
    ('2026-01-01', 'Tết Dương lịch'),
    ('2026-02-14', 'Tết Nguyên đán'), ('2026-02-15', 'Tết Nguyên đán'), ('2026-02-16', 'Tết Nguyên đán'),
    ('2026-02-17', 'Tết Nguyên đán'), ('2026-02-18', 'Tết Nguyên đán'), ('2026-02-19', 'Tết Nguyên đán'),
    ('2026-02-20', 'Tết Nguyên đán'), ('2026-02-21', 'Tết Nguyên đán'), ('2026-02-22', 'Tết Nguyên đán'),
    ('2026-04-26', 'Giỗ Tổ Hùng Vương'), ('2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương'),
    ('2026-04-30', 'Ngày Chiến thắng'), ('2026-05-01', 'Ngày Quốc tế lao động'),
    ('2026-09-02', 'Quốc khánh');
