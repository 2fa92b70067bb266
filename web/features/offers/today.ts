/** The user's calendar day (yyyy-mm-dd): the day they mean when they record something. */
export const today = () => new Date().toLocaleDateString('en-CA');
