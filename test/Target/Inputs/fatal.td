// A def whose name is a number: TableGen stops the process (fatal-error.test).
include "TargetSchema.td"

// The name of a def must be an identifier or a string.
def 32 : Target<"x", []>;
