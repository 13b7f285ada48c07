-- Synthetic legacy care database for the MySQL/MariaDB reader tests. No real people.
CREATE TABLE residents (
  id int AUTO_INCREMENT PRIMARY KEY,
  nhs_number varchar(12),
  first_name varchar(80) NOT NULL,
  surname varchar(80) NOT NULL,
  date_of_birth date,
  phone varchar(20),
  admitted_at datetime,
  weight_kg decimal(5,1),
  active tinyint(1) NOT NULL DEFAULT 1,
  notes text,
  photo blob
);
INSERT INTO residents (nhs_number, first_name, surname, date_of_birth, phone, admitted_at, weight_kg, active, notes, photo) VALUES
  ('9434765919', 'Zoë', 'Ashworth', '1938-02-14', '01632960001', '2021-03-01 10:30:00', 61.5, 1, 'Prefers tea', NULL),
  ('9434765870', 'Łukasz', 'Nowak', '1941-11-30', '07700900123', '2022-07-15 09:00:00', 78.0, 1, NULL, X'89504e47'),
  (NULL, 'Siân', 'Prydderch', '1935-06-01', NULL, NULL, NULL, 0, 'Left 2023', NULL),
  ('943 476 5838', 'Arthur', 'Bellamy', NULL, '01632 960 002', '2020-01-01 00:00:00', 70.2, 1, '', NULL);
CREATE TABLE next_of_kin (
  id int AUTO_INCREMENT PRIMARY KEY,
  resident_id int,
  name varchar(120),
  relationship varchar(40),
  phone varchar(20),
  FOREIGN KEY (resident_id) REFERENCES residents(id)
);
INSERT INTO next_of_kin (resident_id, name, relationship, phone) VALUES
  (1, 'Mia Ashworth', 'Daughter', '07700900456'),
  (2, 'Anna Nowak', 'Wife', '07700900789'),
  (3, 'Rhys Prydderch', 'Son', NULL);
CREATE TABLE activity_log (id int PRIMARY KEY, resident_id int, happened_on date, activity text);
INSERT INTO activity_log SELECT seq, 1 + seq % 4, DATE '2024-01-01' + INTERVAL seq DAY, CONCAT('Activity ', seq) FROM seq_1_to_2500;
CREATE VIEW current_residents AS SELECT id, first_name, surname FROM residents WHERE active = 1;
