-- Chỉ tiêu: the catalogue of measured outputs per channel (news items, attendees, banners …). The built-in rows come
-- from here; system administrators add more (builtin = false). A code is never reused: retiring one sets active false.
create table indicator (
    code        varchar(60) primary key,
    channel     varchar(30) not null,
    name        varchar(200) not null,
    unit_label  varchar(50) not null,
    position    integer not null,
    builtin     boolean not null,
    active      boolean not null default true,
    created_at  timestamp with time zone not null
);

insert into indicator (code, channel, name, unit_label, position, builtin, active, created_at) values
('news_items',          'mass_media',         'Tin, bài đăng tải',                       'tin, bài',   10, true, true, current_timestamp),
('articles',            'mass_media',         'Bài viết chuyên đề, phóng sự',            'bài',        20, true, true, current_timestamp),
('broadcasts',          'mass_media',         'Chương trình phát thanh, truyền hình',    'chương trình', 30, true, true, current_timestamp),
('loudspeaker_sessions','mass_media',         'Lượt phát trên hệ thống truyền thanh cơ sở','lượt',    40, true, true, current_timestamp),
('social_posts',        'social_media',       'Bài đăng mạng xã hội',                    'bài',        10, true, true, current_timestamp),
('social_reach',        'social_media',       'Lượt tiếp cận, tương tác',                'lượt',       20, true, true, current_timestamp),
('oral_sessions',       'oral',               'Buổi tuyên truyền miệng, hội nghị',       'buổi',       10, true, true, current_timestamp),
('attendees',           'oral',               'Người tham dự',                           'người',      20, true, true, current_timestamp),
('billboards',          'visual',             'Panô, áp phích',                          'cái',        10, true, true, current_timestamp),
('banners',             'visual',             'Băng rôn',                                'cái',        20, true, true, current_timestamp),
('slogans',             'visual',             'Khẩu hiệu',                               'khẩu hiệu',  30, true, true, current_timestamp),
('flags',               'visual',             'Cờ (Tổ quốc, Đảng, phướn)',               'lá',         40, true, true, current_timestamp),
('led_screens',         'visual',             'Màn hình LED',                            'màn hình',   50, true, true, current_timestamp),
('performances',        'culture_sports',     'Buổi biểu diễn văn nghệ',                 'buổi',       10, true, true, current_timestamp),
('sports_events',       'culture_sports',     'Giải thể thao',                           'giải',       20, true, true, current_timestamp),
('participants',        'culture_sports',     'Người tham gia',                          'người',      30, true, true, current_timestamp),
('exhibitions',         'exhibition',         'Cuộc triển lãm, trưng bày',               'cuộc',       10, true, true, current_timestamp),
('exhibits',            'exhibition',         'Hiện vật, tư liệu, hình ảnh trưng bày',   'hiện vật',   20, true, true, current_timestamp),
('contests',            'contest',            'Cuộc thi',                                'cuộc',       10, true, true, current_timestamp),
('contest_entries',     'contest',            'Bài dự thi',                              'bài',        20, true, true, current_timestamp),
('movements',           'emulation',          'Phong trào thi đua',                      'phong trào', 10, true, true, current_timestamp),
('collectives_commended','emulation',         'Tập thể được khen thưởng',                'tập thể',    20, true, true, current_timestamp),
('people_commended',    'emulation',          'Cá nhân được khen thưởng',                'người',      30, true, true, current_timestamp),
('works',               'commemorative_work', 'Công trình, phần việc chào mừng',         'công trình', 10, true, true, current_timestamp),
('literary_works',      'literature_art',     'Tác phẩm văn học, nghệ thuật',            'tác phẩm',   10, true, true, current_timestamp),
('other_outputs',       'other',              'Kết quả khác',                            'lượt',       10, true, true, current_timestamp);
