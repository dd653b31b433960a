// Tests run with the clock of the people who use the tool: a date typed in London during British
// Summer Time is an hour away from UTC midnight, which is where off-by-one-day bugs hide.
module.exports = async () => {
  process.env.TZ = "Europe/London";
};
